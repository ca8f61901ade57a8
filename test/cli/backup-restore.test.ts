import assert from 'node:assert/strict'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'

import { call, runCli, startServerProcess } from '../fixtures/cli.ts'

// The steps of "Backups" in docs/operations.md, in a directory of their own, on the default
// SQLite path and its key file (whatever store the rest of the suite runs on).
test('backup while serving, then restore as the operations guide says: the copy without its key file is refused and left alone', async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'latchkey-restore-'))
  after(() => rmSync(cwd, { recursive: true, force: true }))
  const env = { LATCHKEY_SECRET: '' }
  const at = (path: string) => join(cwd, path)
  const server = await startServerProcess(null, env, { cwd })
  const keys = JSON.parse(readFileSync(at('data/latchkey.sqlite.sandbox-keys.json'), 'utf8'))
  const auth = { authorization: `Bearer ${keys.api_key}` }
  const session = (await call(server.url, '/client_sessions/create', { user_identifier_key: 'jane' }, auth)).body.client_session

  // latchkey backup --to backup.sqlite, while the server runs; the key file kept apart.
  const backup = runCli(null, ['backup', '--to', 'backup.sqlite'], env, { cwd })
  assert.equal(backup.status, 0, backup.stderr)
  assert.match(backup.stdout, /key file (\.\/)?data\/latchkey\.sqlite\.key is not in the copy/)
  mkdirSync(at('safe'))
  copyFileSync(at('data/latchkey.sqlite.key'), at('safe/latchkey.sqlite.key'))

  // Checking the copy where it lies, without its key: refused, and no new key is made for it.
  const unkeyed = runCli(null, ['secrets', 'check', '--database-url', 'sqlite:backup.sqlite'], env, { cwd })
  assert.equal(unkeyed.status, 2, unkeyed.stdout)
  assert.match(unkeyed.stderr, /already holds encrypted client session tokens, but its key file backup\.sqlite\.key is missing/)
  assert.equal(existsSync(at('backup.sqlite.key')), false)

  // The server is stopped and its data lost.
  assert.equal(await server.stop(), 0)
  rmSync(at('data'), { recursive: true })

  // Restore: the copy back as the database (no stale -wal/-shm beside it), the key file beside it.
  mkdirSync(at('data'))
  copyFileSync(at('backup.sqlite'), at('data/latchkey.sqlite'))
  rmSync(at('data/latchkey.sqlite-wal'), { force: true })
  rmSync(at('data/latchkey.sqlite-shm'), { force: true })
  copyFileSync(at('safe/latchkey.sqlite.key'), at('data/latchkey.sqlite.key'))
  const check = runCli(null, ['secrets', 'check'], env, { cwd })
  assert.equal(check.status, 0, check.stderr)
  assert.equal(check.stdout.trim(), 'The database matches the key in use: the key file ./data/latchkey.sqlite.key.')

  const restored = await startServerProcess(null, env, { cwd })
  const got = await call(restored.url, '/client_sessions/get', { client_session_id: session.client_session_id }, auth)
  assert.equal(got.status, 200)
  assert.equal(got.body.client_session.token, session.token)
  assert.equal((await call(restored.url, '/client_sessions/get', {}, { authorization: `Bearer ${session.token}` })).status, 200)
  assert.equal(await restored.stop(), 0)
})
