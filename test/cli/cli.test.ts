import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { call, runCli, sharedDatabase, startServerProcess } from '../fixtures/cli.ts'

const json = (stdout: string) => JSON.parse(stdout.trim()) as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

describe('admin CLI', () => {
  test('workspaces create --json gives credentials that work against a running server', async () => {
    const { url: db } = await sharedDatabase()
    const created = runCli(db, ['workspaces', 'create', '--name', 'Acme', '--sandbox', '--json'])
    assert.equal(created.status, 0, created.stderr)
    const ws = json(created.stdout)
    assert.deepEqual(Object.keys(ws).sort(), ['api_key', 'is_sandbox', 'name', 'publishable_key', 'workspace_id'])
    assert.equal(ws.name, 'Acme')
    assert.equal(ws.is_sandbox, true)

    const server = await startServerProcess(db)
    // The store was not empty, so no sandbox workspace was bootstrapped.
    assert.doesNotMatch(server.stderr(), /Created a sandbox workspace/)
    const session = await call(
      server.url,
      '/client_sessions/create',
      { user_identifier_key: 'jane' },
      { authorization: `Bearer ${ws.api_key}` },
    )
    assert.equal(session.status, 200)
    assert.equal(session.body.client_session.workspace_id, ws.workspace_id)
    const viaPk = await call(
      server.url,
      '/client_sessions/get_or_create',
      { user_identifier_key: 'jane' },
      { 'seam-publishable-key': ws.publishable_key },
    )
    assert.equal(viaPk.body.client_session.client_session_id, session.body.client_session.client_session_id)

    // A PAT made while the server runs works at once (same store).
    const pat = runCli(db, ['pats', 'create', '--email', 'Dev@Example.com', '--workspace', ws.workspace_id, '--json'])
    assert.equal(pat.status, 0, pat.stderr)
    const { personal_access_token, user_id } = json(pat.stdout)
    assert.match(personal_access_token, /^seam_at1/)
    assert.match(user_id, /^[0-9a-f-]{36}$/)
    const viaPat = await call(
      server.url,
      '/client_sessions/list',
      {},
      { authorization: `Bearer ${personal_access_token}`, 'seam-workspace': ws.workspace_id },
    )
    assert.equal(viaPat.body.client_sessions.length, 1)
    // Same email again: same user, new token.
    assert.equal(
      json(runCli(db, ['pats', 'create', '--email', 'dev@example.com', '--workspace', ws.workspace_id, '--json']).stdout).user_id,
      user_id,
    )

    // api-keys: create, list, revoke; a revoked key stops working on the running server.
    const key = json(runCli(db, ['api-keys', 'create', '--workspace', ws.workspace_id, '--name', 'ci', '--json']).stdout)
    assert.match(key.api_key, /^seam_/)
    assert.equal((await call(server.url, '/client_sessions/list', {}, { authorization: `Bearer ${key.api_key}` })).status, 200)
    const listed = json(runCli(db, ['api-keys', 'list', '--workspace', ws.workspace_id, '--json']).stdout)
    assert.equal(listed.api_keys.length, 2)
    assert.ok(!JSON.stringify(listed).includes(key.api_key), 'list never shows secrets')
    // Each key's public prefix tells the keys apart: the part of the key before its secret.
    const prefixOf = (token: string) => `${token.slice(0, token.lastIndexOf('_') + 1)}…`
    assert.deepEqual(listed.api_keys.map((k: { prefix: string }) => k.prefix).sort(), [prefixOf(ws.api_key), prefixOf(key.api_key)].sort())
    const listedText = runCli(db, ['api-keys', 'list', '--workspace', ws.workspace_id]).stdout
    assert.ok(listedText.includes(`${prefixOf(key.api_key)}  ci`), listedText)
    assert.equal(runCli(db, ['api-keys', 'revoke', '--api-key-id', key.api_key_id]).status, 0)
    assert.equal((await call(server.url, '/client_sessions/list', {}, { authorization: `Bearer ${key.api_key}` })).status, 401)

    const workspaces = json(runCli(db, ['workspaces', 'list', '--json']).stdout)
    assert.deepEqual(
      workspaces.workspaces.map((w: { workspace_id: string }) => w.workspace_id),
      [ws.workspace_id],
    )
    assert.equal(await server.stop(), 0)
  })

  test('request log lines reach stdout while the server runs, one per request, none lost at stop', async () => {
    const { url: db } = await sharedDatabase()
    const created = json(runCli(db, ['workspaces', 'create', '--name', 'Logs', '--json']).stdout)
    const server = await startServerProcess(db)
    const requestLines = () =>
      server
        .stdout()
        .split('\n')
        .filter((line) => line.includes('"msg":"request"'))
    const headers = { authorization: `Bearer ${created.api_key}` }
    // One quiet request: its line is written out without waiting for more traffic (a line held
    // back until the next request would never come here; the bound is only the test's patience).
    assert.equal((await call(server.url, '/client_sessions/list', {}, headers)).status, 200)
    const deadline = Date.now() + 30_000
    while (requestLines().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
    assert.equal(requestLines().length, 1)
    // A burst: every line is there once the server has stopped.
    await Promise.all(Array.from({ length: 150 }, () => call(server.url, '/client_sessions/list', {}, headers)))
    assert.equal(await server.stop(), 0)
    const lines = requestLines().map((line) => JSON.parse(line))
    assert.equal(lines.length, 151)
    assert.equal(new Set(lines.map((line) => line.request_id)).size, 151)
  })

  test('graceful shutdown: a request in flight when SIGTERM arrives still completes', async () => {
    const { url: db } = await sharedDatabase()
    const apiKey = json(runCli(db, ['workspaces', 'create', '--name', 'Acme', '--json']).stdout).api_key as string
    const server = await startServerProcess(db)
    const inFlight = Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(server.url, '/client_sessions/create', { user_identifier_key: `u${i}` }, { authorization: `Bearer ${apiKey}` }),
      ),
    )
    await new Promise((resolve) => setTimeout(resolve, 5))
    const exit = server.stop()
    const results = await inFlight.catch((error: unknown) => error)
    assert.equal(await exit, 0)
    // Every acknowledged create is persisted: restart and count.
    if (Array.isArray(results)) {
      const acknowledged = results.filter((r) => r.status === 200).length
      const again = await startServerProcess(db)
      const list = await call(again.url, '/client_sessions/list', {}, { authorization: `Bearer ${apiKey}` })
      assert.equal(list.body.client_sessions.length, acknowledged)
      await again.stop()
    }
  })

  test('migrate is idempotent', async () => {
    const { url: db } = await sharedDatabase()
    const first = runCli(db, ['migrate', '--json'])
    assert.equal(first.status, 0, first.stderr)
    assert.deepEqual(json(first.stdout).applied, [
      '0001_initial',
      '0002_scoped_access',
      '0003_scope_lookups',
      '0004_locks_and_access_codes',
      '0005_operations',
      '0006_customers',
      '0007_webhooks',
      '0008_webhook_fan_out',
      '0009_device_simulation',
      '0010_unmanaged_access_codes',
      '0011_workspace_settings',
      '0012_providers',
      '0013_noise_thresholds',
      '0014_thermostat_programs',
      '0015_climate',
      '0016_access_control',
      '0017_acs_credentials',
      '0018_phones',
    ])
    assert.deepEqual(json(runCli(db, ['migrate', '--json']).stdout).applied, [])
  })

  test('usage errors go to stderr with exit code 2; unknown ids with a clear message', async () => {
    const { url: db } = await sharedDatabase()
    for (const args of [
      ['workspaces', 'create'],
      ['bogus'],
      ['api-keys', 'create'],
      ['pats', 'create', '--email', 'x'],
      ['workspaces', 'create', '--nme', 'x'],
    ]) {
      const res = runCli(db, args)
      assert.equal(res.status, 2, args.join(' '))
      assert.equal(res.stdout, '')
      assert.ok(res.stderr.length > 0)
    }
    const unknown = runCli(db, ['api-keys', 'list', '--workspace', '00000000-0000-0000-0000-000000000000'])
    assert.notEqual(unknown.status, 0)
    assert.match(unknown.stderr, /no workspace/)
    const badUrl = runCli(db, ['migrate', '--database-url', 'mysql://x'])
    assert.equal(badUrl.status, 2)
    assert.match(badUrl.stderr, /unsupported database URL/)
  })
  test('serve --cors-origins / LATCHKEY_CORS_ORIGINS: listed origins only; a malformed one is a usage error', async () => {
    const { url: db } = await sharedDatabase()
    const bad = runCli(db, ['serve', '--cors-origins', 'app.example.com'])
    assert.equal(bad.status, 2)
    assert.match(bad.stderr, /invalid CORS origin/)
    const server = await startServerProcess(db, { LATCHKEY_CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' })
    const allowed = await fetch(`${server.url}/health`, { headers: { origin: 'http://localhost:5173' } })
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'http://localhost:5173')
    const refused = await fetch(`${server.url}/health`, { headers: { origin: 'https://evil.example.com' } })
    assert.equal(refused.headers.get('access-control-allow-origin'), null)
    assert.equal(await server.stop(), 0)
  })
})
