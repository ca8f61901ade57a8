import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { after, describe, test } from 'node:test'

import { compactRequestLine, openLogStream } from '../../src/cli/log-stream.ts'
import { BIN, call, runCli, startServerProcess } from '../fixtures/cli.ts'

const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'latchkey-first-hour-'))
  after(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

const packageVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version

describe('the first hour: version, an in-memory server, a terminal that stays readable', () => {
  test('latchkey --version prints the package version', () => {
    for (const flag of ['--version', '-v', 'version']) {
      const result = runCli(null, [flag])
      assert.equal(result.status, 0, result.stderr)
      assert.equal(result.stdout.trim(), `latchkey ${packageVersion}`)
    }
  })

  test('serve on sqlite::memory: starts with a sandbox workspace whose keys are in a 0600 file', async () => {
    const cwd = tempDir()
    const server = await startServerProcess('sqlite::memory:', {}, { cwd })
    const keysFile = join(cwd, 'latchkey-sandbox-keys.json')
    assert.match(server.stderr(), /Created a sandbox workspace/)
    assert.equal(statSync(keysFile).mode & 0o777, 0o600)
    const keys = JSON.parse(readFileSync(keysFile, 'utf8'))
    const created = await call(
      server.url,
      '/client_sessions/create',
      { user_identifier_key: 'jane' },
      { authorization: `Bearer ${keys.api_key}` },
    )
    assert.equal(created.status, 200)
    assert.equal(created.body.client_session.workspace_id, keys.workspace_id)
    assert.equal(await server.stop(), 0)
  })

  test('a request line becomes one short line on a terminal; other lines stay as pino-pretty shows them', () => {
    const line = `{"level":30,"time":${Date.parse('2026-12-05T12:04:31Z')},"pid":1,"hostname":"h","request_id":"r","method":"POST","route":"/client_sessions/create","status":401,"duration_ms":3.12,"error_type":"invalid_api_key","workspace_id":null,"credential":"api_key","client_address":"127.0.0.1","msg":"request"}\n`
    assert.match(compactRequestLine(line) ?? '', /^\d\d:\d\d:\d\d POST \/client_sessions\/create 401 3\.12 ms api_key invalid_api_key\n$/)
    assert.equal(compactRequestLine('{"level":30,"msg":"listening"}\n'), null)
    const written: string[] = []
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written.push(chunk.toString())
        done()
      },
    })
    const logs = openLogStream({ out })
    logs.stream.write(line)
    logs.stream.write(`{"level":40,"time":${Date.now()},"pid":1,"hostname":"h","detail":"x","msg":"something else"}\n`)
    assert.equal(written[0]?.split('\n').length, 2)
    assert.match(written.slice(1).join(''), /something else/)
    assert.match(written.slice(1).join(''), /detail/)
  })

  test('on a real terminal (a pseudo-terminal from script(1)) the keys are shown and written, and each request is one line', async () => {
    const cwd = tempDir()
    const command = `exec ${process.execPath} ${BIN} serve --host 127.0.0.1 --port 0 --database-url sqlite::memory:`
    const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd, env: { ...process.env, TERM: 'dumb', NO_COLOR: '1' } })
    after(() => {
      if (child.exitCode === null) child.kill('SIGKILL')
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    // Colours (ESC [ … m) and carriage returns, as a terminal would render them away.
    const colours = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g')
    const clean = () => output.replace(colours, '').replaceAll('\r', '')
    const until = async (pattern: RegExp) => {
      for (let i = 0; i < 600 && !pattern.test(clean()); i++) await new Promise((resolve) => setTimeout(resolve, 50))
      return pattern.exec(clean())
    }
    const url = (await until(/listening on (http:\/\/\S+)/))?.[1]
    assert.ok(url, clean())
    const keys = JSON.parse(readFileSync(join(cwd, 'latchkey-sandbox-keys.json'), 'utf8'))
    assert.ok(clean().includes(keys.api_key), 'the keys are shown on the terminal')
    const before = clean().split('\n').length
    for (const key of ['a', 'b', 'c']) {
      assert.equal(
        (await call(url, '/client_sessions/create', { user_identifier_key: key }, { authorization: `Bearer ${keys.api_key}` })).status,
        200,
      )
    }
    await until(/(POST \/client_sessions\/create 200 .*\n[^]*){3}/)
    const added = clean()
      .split('\n')
      .slice(before - 1)
      .filter((l) => l.trim() !== '')
    assert.deepEqual(
      added.map((l) => l.replace(/^\d\d:\d\d:\d\d /, '').replace(/ [\d.]+ ms /, ' _ ms ')),
      [
        'POST /client_sessions/create 200 _ ms api_key',
        'POST /client_sessions/create 200 _ ms api_key',
        'POST /client_sessions/create 200 _ ms api_key',
      ],
    )
    child.kill('SIGTERM')
  })
})
