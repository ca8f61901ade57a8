import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { call, runCli, sharedDatabase, startServerProcess } from '../fixtures/cli.ts'

const json = (stdout: string) => JSON.parse(stdout.trim()) as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

describe('key management from the CLI', () => {
  test('publishable-keys and pats: create, list (never the secret), revoke; a running server refuses revoked keys at once', async () => {
    const { url: db } = await sharedDatabase()
    const ws = json(runCli(db, ['workspaces', 'create', '--name', 'Acme', '--json']).stdout)
    const server = await startServerProcess(db)

    const pk = json(runCli(db, ['publishable-keys', 'create', '--workspace', ws.workspace_id, '--json']).stdout)
    assert.match(pk.publishable_key, /^seam_pk1/)
    assert.match(pk.publishable_key_id, /^[0-9a-f-]{36}$/)
    const viaPk = () =>
      call(server.url, '/client_sessions/get_or_create', { user_identifier_key: 'jane' }, { 'seam-publishable-key': pk.publishable_key })
    assert.equal((await viaPk()).status, 200)
    const pks = json(runCli(db, ['publishable-keys', 'list', '--workspace', ws.workspace_id, '--json']).stdout)
    assert.equal(pks.publishable_keys.length, 2)
    assert.ok(!JSON.stringify(pks).includes(pk.publishable_key), 'list never shows secrets')
    const prefixOf = (token: string) => `${token.slice(0, token.lastIndexOf('_') + 1)}…`
    assert.ok(pks.publishable_keys.some((k: { prefix: string }) => k.prefix === prefixOf(pk.publishable_key)))
    const revokedPk = runCli(db, ['publishable-keys', 'revoke', '--publishable-key-id', pk.publishable_key_id, '--json'])
    assert.deepEqual(json(revokedPk.stdout), { publishable_key_id: pk.publishable_key_id, revoked: true })
    assert.equal((await viaPk()).status, 401)
    // The workspace's first publishable key still works.
    assert.equal(
      (
        await call(
          server.url,
          '/client_sessions/get_or_create',
          { user_identifier_key: 'jane' },
          { 'seam-publishable-key': ws.publishable_key },
        )
      ).status,
      200,
    )
    const afterRevoke = json(runCli(db, ['publishable-keys', 'list', '--workspace', ws.workspace_id, '--json']).stdout)
    assert.equal(afterRevoke.publishable_keys.filter((k: { revoked_at: string | null }) => k.revoked_at !== null).length, 1)

    const pat = json(runCli(db, ['pats', 'create', '--email', 'dev@example.com', '--workspace', ws.workspace_id, '--json']).stdout)
    const viaPat = () =>
      call(
        server.url,
        '/client_sessions/list',
        {},
        { authorization: `Bearer ${pat.personal_access_token}`, 'seam-workspace': ws.workspace_id },
      )
    assert.equal((await viaPat()).status, 200)
    const pats = json(runCli(db, ['pats', 'list', '--workspace', ws.workspace_id, '--json']).stdout)
    assert.deepEqual(
      pats.personal_access_tokens.map((t: Record<string, unknown>) => [t.personal_access_token_id, t.email, t.revoked_at]),
      [[pat.personal_access_token_id, 'dev@example.com', null]],
    )
    assert.ok(!JSON.stringify(pats).includes(pat.personal_access_token))
    assert.equal(pats.personal_access_tokens[0].prefix, prefixOf(pat.personal_access_token))
    assert.equal(json(runCli(db, ['pats', 'list', '--email', 'nobody@example.com', '--json']).stdout).personal_access_tokens.length, 0)
    assert.equal(runCli(db, ['pats', 'revoke', '--pat-id', pat.personal_access_token_id]).status, 0)
    assert.equal((await viaPat()).status, 401)
    assert.notEqual(json(runCli(db, ['pats', 'list', '--json']).stdout).personal_access_tokens[0].revoked_at, null)

    for (const args of [
      ['pats', 'revoke', '--pat-id', 'nope'],
      ['publishable-keys', 'revoke', '--publishable-key-id', 'nope'],
    ]) {
      const missing = runCli(db, args)
      assert.equal(missing.status, 2)
      assert.match(missing.stderr, /no (personal access token|publishable key) nope/)
    }
    assert.equal(await server.stop(), 0)
  })

  test('workspaces delete refuses a workspace with data unless --force, then removes it and its keys', async () => {
    const { url: db } = await sharedDatabase()
    const ws = json(runCli(db, ['workspaces', 'create', '--name', 'Acme', '--json']).stdout)
    const empty = json(runCli(db, ['workspaces', 'create', '--name', 'Empty', '--json']).stdout)
    const server = await startServerProcess(db)
    const auth = { authorization: `Bearer ${ws.api_key}` }
    assert.equal((await call(server.url, '/client_sessions/create', { user_identifier_key: 'jane' }, auth)).status, 200)

    const refused = runCli(db, ['workspaces', 'delete', '--workspace', ws.workspace_id])
    assert.equal(refused.status, 2)
    assert.match(refused.stderr, /is not empty \(1 client_sessions\); pass --force/)
    assert.equal((await call(server.url, '/client_sessions/list', {}, auth)).status, 200, 'nothing changed')

    assert.equal(runCli(db, ['workspaces', 'delete', '--workspace', empty.workspace_id]).status, 0)
    const forced = json(runCli(db, ['workspaces', 'delete', '--workspace', ws.workspace_id, '--force', '--json']).stdout)
    assert.equal(forced.deleted, true)
    assert.equal(forced.contents.client_sessions, 1)
    assert.equal((await call(server.url, '/client_sessions/list', {}, auth)).status, 401)
    assert.match(runCli(db, ['workspaces', 'list']).stdout, /No workspaces/)
    assert.equal(runCli(db, ['workspaces', 'delete', '--workspace', ws.workspace_id]).status, 2)
    assert.equal(await server.stop(), 0)
  })

  test('--help lists every command and every option of each', () => {
    const top = runCli(null, ['--help'])
    assert.equal(top.status, 0)
    for (const command of ['serve', 'migrate', 'workspaces', 'api-keys', 'publishable-keys', 'pats', 'secrets']) {
      assert.match(top.stdout, new RegExp(`^  ${command} `, 'm'))
      const own = runCli(null, [command, '--help'])
      assert.equal(own.status, 0, command)
      assert.match(own.stdout, new RegExp(`^usage: latchkey ${command}`))
      assert.match(own.stdout, /--database-url/)
    }
    const serve = runCli(null, ['serve', '--help']).stdout
    for (const option of [
      '--host',
      '--port',
      '--create',
      '--session-lifetime-seconds',
      '--rate-limit-per-minute',
      '--public-url',
      '--cors-origins',
      '--trust-proxy',
      '--bootstrap-sandbox',
      '--no-bootstrap-sandbox',
      '--sandbox-keys-file',
      '--log-level',
      '--drain-seconds',
      'LATCHKEY_SECRET',
      'LATCHKEY_PREVIOUS_SECRETS',
    ]) {
      assert.match(serve, new RegExp(`${option}\\b`), option)
    }
    // Every option serve accepts is one the help names: an unknown one is refused.
    assert.equal(runCli(null, ['serve', '--publc-url', 'x']).status, 2)
  })
})
