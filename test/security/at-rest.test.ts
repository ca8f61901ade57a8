import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, test } from 'node:test'

import { call, runCli, sharedDatabase, startServerProcess } from '../fixtures/cli.ts'
import { STORE_KIND } from '../fixtures/stores.ts'

/** Every credential and every secret part of one, as they would appear if leaked. */
const secretsOf = (credentials: string[]) => credentials.flatMap((c) => [c, c.slice(c.lastIndexOf('_') + 1)])

describe('credentials at rest and in logs (contract §2)', () => {
  test('neither the database files nor the log output contain any credential', async () => {
    const { url: db, dir } = await sharedDatabase()
    const ws = JSON.parse(runCli(db, ['workspaces', 'create', '--name', 'Acme', '--json']).stdout)
    const pat = JSON.parse(runCli(db, ['pats', 'create', '--email', 'a@example.com', '--workspace', ws.workspace_id, '--json']).stdout)
    const server = await startServerProcess(db)
    const auth = { authorization: `Bearer ${ws.api_key}` }
    const session = await call(server.url, '/client_sessions/create', { user_identifier_key: 'jane' }, auth)
    const cst = session.body.client_session.token as string
    const credentials = [ws.api_key, ws.publishable_key, pat.personal_access_token, cst]
    // Exercise every credential kind, in every header, successfully and not.
    await call(server.url, '/client_sessions/get', {}, { authorization: `Bearer ${cst}`, 'client-session-token': cst })
    await call(server.url, '/client_sessions/get', {}, { 'seam-client-session-token': cst })
    await call(
      server.url,
      '/client_sessions/get_or_create',
      { user_identifier_key: 'pk-user' },
      { 'seam-publishable-key': ws.publishable_key },
    )
    await call(
      server.url,
      '/client_sessions/list',
      {},
      { authorization: `Bearer ${pat.personal_access_token}`, 'seam-workspace': ws.workspace_id },
    )
    await call(server.url, '/client_sessions/list', {}, { authorization: `Bearer ${ws.api_key}x` })
    await call(server.url, '/client_sessions/nope', {}, auth)
    assert.equal(await server.stop(), 0)

    const logs = server.stdout()
    const lines = logs
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    const requestLines = lines.filter((l) => l.msg === 'request')
    assert.ok(requestLines.length >= 7)
    for (const line of requestLines) {
      for (const field of ['method', 'route', 'status', 'duration_ms', 'request_id']) assert.ok(field in line, field)
    }
    for (const secret of secretsOf(credentials)) assert.ok(!logs.includes(secret), 'a credential appeared in the logs')

    if (STORE_KIND === 'sqlite') {
      const files = readdirSync(dir).filter((f) => f.startsWith('latchkey.sqlite') && !f.endsWith('.key'))
      const bytes = Buffer.concat(files.map((f) => readFileSync(join(dir, f))))
      assert.ok(bytes.length > 0)
      for (const secret of secretsOf(credentials)) assert.ok(!bytes.includes(secret), 'a credential appeared in the database files')
      // The token key lives beside the database, readable by its owner only.
      assert.equal(statSync(join(dir, 'latchkey.sqlite.key')).mode & 0o777, 0o600)
    }
  })

  test('PostgreSQL needs LATCHKEY_SECRET; a short secret is refused', async () => {
    const { url: db } = await sharedDatabase()
    if (STORE_KIND === 'postgres') {
      const res = runCli(db, ['serve', '--port', '0'], { LATCHKEY_SECRET: '' })
      assert.equal(res.status, 1)
      assert.match(res.stderr, /LATCHKEY_SECRET must be set/)
    }
    const short = runCli(db, ['serve', '--port', '0'], { LATCHKEY_SECRET: 'short' })
    assert.equal(short.status, 1)
    assert.match(short.stderr, /at least 32 characters/)
  })
})
