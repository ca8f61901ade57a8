import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'

import { startServerProcess } from '../fixtures/cli.ts'

const root = new URL('../../', import.meta.url).pathname

/** The fenced blocks of one language under the README's "## Try it", as written. */
const tryItBlocks = (language: string): string[] => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('## Try it'), readme.indexOf('\n## ', readme.indexOf('## Try it') + 1))
  return [...section.matchAll(new RegExp('```' + language + '\\n([^]*?)```', 'g'))].map((m) => m[1] as string)
}

test("the README's Try it runs as written, twice in a row, against a first start", async () => {
  // The server as `npm start` runs it, in a directory of its own; only the port differs.
  const cwd = mkdtempSync(join(tmpdir(), 'latchkey-readme-'))
  after(() => rmSync(cwd, { recursive: true, force: true }))
  const server = await startServerProcess(null, { LATCHKEY_SECRET: '' }, { cwd })
  const onServer = (code: string) => code.replaceAll('http://127.0.0.1:3000', server.url)

  const [shell] = tryItBlocks('sh')
  assert.ok(shell?.includes('API_KEY=$('), 'the shell block reads the key from the keys file')
  const sessions = [1, 2].map(() => {
    const run = spawnSync('bash', ['-euo', 'pipefail', '-c', onServer(shell as string)], { cwd, encoding: 'utf8', timeout: 30_000 })
    assert.equal(run.status, 0, run.stderr)
    const answer = JSON.parse(run.stdout) as { ok: boolean; client_session: { client_session_id: string; user_identifier_key: string } }
    assert.equal(answer.ok, true, run.stdout)
    return answer.client_session
  })
  assert.equal(sessions[0]?.user_identifier_key, 'jane_doe')
  assert.equal(sessions[1]?.client_session_id, sessions[0]?.client_session_id)

  // try.mjs beside this checkout's node_modules, as the README's reader has it.
  const [script] = tryItBlocks('js')
  const dir = join(root, 'test-artifacts', 'readme')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'try.mjs'), onServer(script as string))
  const apiKey = (JSON.parse(readFileSync(join(cwd, 'data', 'latchkey.sqlite.sandbox-keys.json'), 'utf8')) as { api_key: string }).api_key
  for (let i = 0; i < 2; i++) {
    const run = spawnSync(process.execPath, ['try.mjs'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, API_KEY: apiKey },
      timeout: 30_000,
    })
    assert.equal(run.status, 0, run.stderr)
    assert.match(run.stdout, new RegExp(`client_session_id: '${sessions[0]?.client_session_id}'`))
  }
  assert.equal(await server.stop(), 0)
})
