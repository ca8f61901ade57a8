import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'

import { call, runCli, sharedDatabase, startServerProcess } from '../fixtures/cli.ts'
import { STORE_KIND } from '../fixtures/stores.ts'

const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'latchkey-first-'))
  after(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** Credentials as the CLI and server print them: none may reach a log stream. */
const CREDENTIAL = /seam_(?:cst|pk|at|test|live)?[0-9]?[A-Za-z0-9]{6,}_[A-Za-z0-9]{10,}/

describe('first start: a sandbox workspace only when asked, and no key in any log stream', () => {
  test('the default SQLite path bootstraps a sandbox; with stderr not a terminal its keys go to a 0600 file whose path is logged', async () => {
    const cwd = tempDir()
    const server = await startServerProcess(null, { LATCHKEY_SECRET: '' }, { cwd })
    const keysFile = join(cwd, 'data', 'latchkey.sqlite.sandbox-keys.json')
    assert.match(server.stderr(), new RegExp(`are in ${keysFile.replaceAll('.', '\\.')} \\(mode 0600\\)`))
    assert.doesNotMatch(server.stderr() + server.stdout(), CREDENTIAL)
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
    const viaPk = await call(
      server.url,
      '/client_sessions/get_or_create',
      { user_identifier_key: 'jane' },
      { 'seam-publishable-key': keys.publishable_key },
    )
    assert.equal(viaPk.status, 200)
    assert.equal(await server.stop(), 0)
    // Request log lines on stdout carry no credential either.
    assert.doesNotMatch(server.stdout(), CREDENTIAL)
    // A second start finds a workspace and creates nothing.
    const again = await startServerProcess(null, { LATCHKEY_SECRET: '' }, { cwd })
    assert.doesNotMatch(again.stderr(), /sandbox/i)
    assert.equal(await again.stop(), 0)
  })

  test('any other database gets no workspace unless --bootstrap-sandbox; --no-bootstrap-sandbox turns the default off', async () => {
    const { url: db, dir } = await sharedDatabase()
    const plain = await startServerProcess(db)
    assert.doesNotMatch(plain.stderr(), /sandbox/i)
    assert.equal(await plain.stop(), 0)
    assert.match(runCli(db, ['workspaces', 'list']).stdout, /No workspaces/)

    const keysFile = join(dir, 'keys', 'sandbox.json')
    const asked = await startServerProcess(db, {}, { args: ['--bootstrap-sandbox', '--sandbox-keys-file', keysFile] })
    assert.match(asked.stderr(), /Created a sandbox workspace/)
    assert.doesNotMatch(asked.stderr(), CREDENTIAL)
    assert.equal(statSync(keysFile).mode & 0o777, 0o600)
    assert.equal(await asked.stop(), 0)

    const cwd = tempDir()
    const off = await startServerProcess(null, { LATCHKEY_SECRET: '' }, { cwd, args: ['--no-bootstrap-sandbox'] })
    assert.doesNotMatch(off.stderr(), /sandbox/i)
    assert.equal(await off.stop(), 0)
    assert.equal(existsSync(join(cwd, 'data', 'latchkey.sqlite.sandbox-keys.json')), false)
  })

  test(
    'a SQLite path that does not exist is refused unless --create or migrate',
    { skip: STORE_KIND !== 'sqlite' && 'SQLite paths only; the PostgreSQL run covers the rest' },
    async () => {
      const dir = tempDir()
      const typo = `sqlite:${join(dir, 'latchky.sqlite')}`
      for (const args of [
        ['serve', '--port', '0'],
        ['workspaces', 'list'],
        ['api-keys', 'list', '--workspace', 'x'],
      ]) {
        const refused = runCli(typo, args)
        assert.equal(refused.status, 2, args.join(' '))
        assert.match(refused.stderr, /no database at .*latchky\.sqlite; pass --create/)
      }
      assert.equal(existsSync(join(dir, 'latchky.sqlite')), false, 'nothing was created')
      const created = runCli(typo, ['workspaces', 'create', '--name', 'Acme', '--create', '--json'])
      assert.equal(created.status, 0, created.stderr)
      const migrated = runCli(`sqlite:${join(dir, 'other.sqlite')}`, ['migrate'])
      assert.equal(migrated.status, 0, migrated.stderr)
      const server = await startServerProcess(`sqlite:${join(dir, 'third.sqlite')}`, {}, { args: ['--create'] })
      assert.equal((await fetch(`${server.url}/ready`)).status, 200)
      assert.equal(await server.stop(), 0)
    },
  )
})

describe('serve: log level and trusted proxies from the command line', () => {
  test('LATCHKEY_LOG_LEVEL=warn drops request lines; --trust-proxy puts the forwarded client address in them; bad values are usage errors', async () => {
    const { url: db } = await sharedDatabase()
    const quiet = await startServerProcess(db, { LATCHKEY_LOG_LEVEL: 'warn' })
    assert.equal((await fetch(`${quiet.url}/health`)).status, 200)
    assert.equal(await quiet.stop(), 0)
    assert.doesNotMatch(quiet.stdout(), /"msg":"request"/)

    const proxied = await startServerProcess(db, {}, { args: ['--trust-proxy', '127.0.0.1/32', '--log-level', 'info'] })
    assert.equal((await fetch(`${proxied.url}/health`, { headers: { 'x-forwarded-for': '198.51.100.7' } })).status, 200)
    assert.equal(await proxied.stop(), 0)
    const line = proxied
      .stdout()
      .split('\n')
      .find((l) => l.includes('"msg":"request"'))
    assert.equal(JSON.parse(line ?? '{}').client_address, '198.51.100.7')

    for (const [args, message] of [
      [['--log-level', 'loud'], /invalid log level loud/],
      [['--trust-proxy', '10.0.0.0/99'], /invalid --trust-proxy entry/],
      [['--trust-proxy', 'proxy.internal'], /invalid --trust-proxy entry/],
    ] as const) {
      const refused = runCli(db, ['serve', ...args])
      assert.equal(refused.status, 2, args.join(' '))
      assert.match(refused.stderr, message)
    }
  })
})
