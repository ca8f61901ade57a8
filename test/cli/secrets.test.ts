import assert from 'node:assert/strict'
import { renameSync, writeFileSync } from 'node:fs'
import { describe, test } from 'node:test'

import { call, runCli, sharedDatabase, startServerProcess } from '../fixtures/cli.ts'
import { STORE_KIND } from '../fixtures/stores.ts'

const json = (stdout: string) => JSON.parse(stdout.trim()) as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const OLD = 'old-secret-old-secret-old-secret-old-secret'
const NEW = 'new-secret-new-secret-new-secret-new-secret'

describe('the token encryption key: checked at every start, rotated while serving', () => {
  test('every command refuses a LATCHKEY_SECRET that does not match the data, naming it', async () => {
    const { url: db } = await sharedDatabase()
    assert.equal(runCli(db, ['workspaces', 'create', '--name', 'Acme'], { LATCHKEY_SECRET: OLD }).status, 0)
    for (const args of [
      ['serve', '--port', '0'],
      ['migrate'],
      ['workspaces', 'list'],
      ['api-keys', 'list', '--workspace', 'x'],
      ['secrets', 'check'],
      ['secrets', 'rotate'],
    ]) {
      const refused = runCli(db, args, { LATCHKEY_SECRET: NEW })
      assert.equal(refused.status, 1, args.join(' '))
      assert.match(
        refused.stderr,
        /The key in use \(LATCHKEY_SECRET\) does not match the key this database's client session tokens were encrypted with/,
      )
      assert.match(refused.stderr, /LATCHKEY_PREVIOUS_SECRETS/)
    }
    assert.deepEqual(json(runCli(db, ['secrets', 'check', '--json'], { LATCHKEY_SECRET: OLD }).stdout), {
      ok: true,
      key: 'current',
      key_in_use: 'LATCHKEY_SECRET',
      data_key: 'LATCHKEY_SECRET',
    })
  })

  test(
    'SQLite without LATCHKEY_SECRET: a replaced key file is refused',
    { skip: STORE_KIND !== 'sqlite' && 'the key file exists only for SQLite' },
    async () => {
      const { url: db } = await sharedDatabase()
      const path = db.slice('sqlite:'.length)
      assert.equal(runCli(db, ['workspaces', 'create', '--name', 'Acme']).status, 0)
      renameSync(`${path}.key`, `${path}.key.bak`)
      writeFileSync(`${path}.key`, `${'ab'.repeat(32)}\n`, { mode: 0o600 })
      const refused = runCli(db, ['serve', '--port', '0'])
      assert.equal(refused.status, 1)
      assert.match(refused.stderr, /The key in use \(.*\) does not match/)
      renameSync(`${path}.key.bak`, `${path}.key`)
      assert.equal(runCli(db, ['workspaces', 'list']).status, 0)
    },
  )

  test(
    'secrets check names the key in use: the key file, then LATCHKEY_SECRET with the replaced key file as the previous one',
    { skip: STORE_KIND !== 'sqlite' && 'the key file exists only for SQLite' },
    async () => {
      const { url: db } = await sharedDatabase()
      const path = db.slice('sqlite:'.length)
      const ws = json(runCli(db, ['workspaces', 'create', '--name', 'Acme', '--json'], { LATCHKEY_SECRET: '' }).stdout)
      const server = await startServerProcess(db, { LATCHKEY_SECRET: '' })
      await call(server.url, '/client_sessions/create', { user_identifier_key: 'jane' }, { authorization: `Bearer ${ws.api_key}` })
      assert.equal(await server.stop(), 0)
      const onFile = runCli(db, ['secrets', 'check'], { LATCHKEY_SECRET: '' })
      assert.equal(onFile.stdout.trim(), `The database matches the key in use: the key file ${path}.key.`)
      assert.doesNotMatch(onFile.stdout, /LATCHKEY_SECRET/)
      const switched = runCli(db, ['secrets', 'check'], { LATCHKEY_SECRET: NEW })
      assert.equal(switched.status, 0, switched.stderr)
      assert.match(
        switched.stdout,
        new RegExp(`still under the key file ${path.replaceAll('.', '\\.')}\\.key, a previous key; the key in use is LATCHKEY_SECRET`),
      )
      assert.doesNotMatch(switched.stdout, /LATCHKEY_PREVIOUS_SECRETS/)
    },
  )

  test('rotation: new key plus previous ones, "secrets rotate" while servers run, and an unreadable token answers null, never 500', async () => {
    const { url: db } = await sharedDatabase()
    const ws = json(runCli(db, ['workspaces', 'create', '--name', 'Acme', '--json'], { LATCHKEY_SECRET: OLD }).stdout)
    const auth = { authorization: `Bearer ${ws.api_key}` }
    const oldServer = await startServerProcess(db, { LATCHKEY_SECRET: OLD })
    const create = async (url: string, key: string) =>
      (await call(url, '/client_sessions/create', { user_identifier_key: key }, auth)).body.client_session
    const before = [await create(oldServer.url, 'a'), await create(oldServer.url, 'b'), await create(oldServer.url, 'c')]

    // Servers move to the new key one by one; the old key stays readable through LATCHKEY_PREVIOUS_SECRETS.
    const newServer = await startServerProcess(db, { LATCHKEY_SECRET: NEW, LATCHKEY_PREVIOUS_SECRETS: OLD })
    const read = await call(newServer.url, '/client_sessions/get', { client_session_id: before[0].client_session_id }, auth)
    assert.equal(read.body.client_session.token, before[0].token)
    const underNew = await create(newServer.url, 'd')
    assert.deepEqual(json(runCli(db, ['secrets', 'check', '--json'], { LATCHKEY_SECRET: NEW, LATCHKEY_PREVIOUS_SECRETS: OLD }).stdout), {
      ok: true,
      key: 'previous',
      key_in_use: 'LATCHKEY_SECRET',
      data_key: 'LATCHKEY_PREVIOUS_SECRETS',
    })

    // A server still on the old key alone cannot read the new row: null, and the list still answers.
    const stale = await call(oldServer.url, '/client_sessions/get', { client_session_id: underNew.client_session_id }, auth)
    assert.equal(stale.status, 200)
    assert.equal(stale.body.client_session.token, null)
    const staleList = await call(oldServer.url, '/client_sessions/list', {}, auth)
    assert.equal(staleList.status, 200)
    assert.equal(staleList.body.client_sessions.filter((s: { token: string | null }) => s.token === null).length, 1)

    const rotated = runCli(db, ['secrets', 'rotate', '--json'], { LATCHKEY_SECRET: NEW, LATCHKEY_PREVIOUS_SECRETS: OLD })
    assert.equal(rotated.status, 0, rotated.stderr)
    assert.deepEqual(json(rotated.stdout), { examined: 4, reencrypted: 3, already_current: 1, unreadable: 0 })
    assert.equal((await fetch(`${newServer.url}/ready`)).status, 200)
    // The stale server now fails readiness, so a load balancer takes it out.
    const notReady = await fetch(`${oldServer.url}/ready`)
    assert.equal(notReady.status, 503)
    assert.equal(((await notReady.json()) as { error: { type: string } }).error.type, 'service_unavailable')
    // ...and a session it still creates is sealed under the old key.
    const strandedRow = await create(oldServer.url, 'e')

    // The old key can go: a server with the new key alone reads everything rotated.
    const onlyNew = await startServerProcess(db, { LATCHKEY_SECRET: NEW })
    for (const session of [...before, underNew]) {
      const got = await call(onlyNew.url, '/client_sessions/get', { client_session_id: session.client_session_id }, auth)
      assert.equal(got.body.client_session.token, session.token)
    }
    const stranded = await call(onlyNew.url, '/client_sessions/get', { client_session_id: strandedRow.client_session_id }, auth)
    assert.equal(stranded.status, 200)
    assert.equal(stranded.body.client_session.token, null)
    // Its holder's token still works: authentication compares hashes, not ciphertexts.
    assert.equal((await call(onlyNew.url, '/client_sessions/get', {}, { authorization: `Bearer ${strandedRow.token}` })).status, 200)
    const metrics = await (await fetch(`${onlyNew.url}/metrics`)).text()
    assert.match(metrics, /^latchkey_client_session_tokens_undecryptable_total [1-9]/m)

    // The old key alone is now refused at start.
    const refused = runCli(db, ['serve', '--port', '0'], { LATCHKEY_SECRET: OLD })
    assert.equal(refused.status, 1)
    assert.match(refused.stderr, /The key in use \(.*\) does not match/)
    for (const server of [oldServer, newServer, onlyNew]) assert.equal(await server.stop(), 0)
  })
})
