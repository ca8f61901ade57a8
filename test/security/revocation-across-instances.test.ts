import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, describe, test } from 'node:test'

import { createTokenCipher } from '../../src/auth/token-cipher.ts'
import { provisionWorkspace } from '../../src/domain/provisioning.ts'
import { injectInto } from '../fixtures/world.ts'
import { createApp, type LatchkeyApp } from '../../src/app.ts'
import { DEFAULT_CONFIG } from '../../src/domain/context.ts'
import type { Store } from '../../src/store/store.ts'
import { ManualClock } from '../fixtures/clock.ts'
import { seedAccount, seedDevice } from '../fixtures/seed.ts'
import { openSharedDatabase } from '../fixtures/shared-database.ts'

/**
 * Two servers on one database, as in a deployment with several instances (or the CLI next to a
 * server). Whatever one instance changes, the other answers from the database on its very next
 * request: the hot path's read memo (SQLite) may never serve what the database no longer says.
 */
describe('changes made through one instance are seen by another on its next request', async () => {
  const shared = await openSharedDatabase()
  const stores = { a: shared.open(), b: shared.open(4) }
  const clock = new ManualClock()
  const cipher = createTokenCipher(Buffer.alloc(32, 9))
  const appOn = (store: Store) => createApp({ store, clock, config: DEFAULT_CONFIG, tokenCipher: cipher })
  const a = appOn(stores.a)
  const b = appOn(stores.b)
  after(async () => {
    await a.close()
    await b.close()
    await shared.dispose()
  })
  const ws = await provisionWorkspace(stores.a, clock, { name: 'Shared', isSandbox: true })
  const key = { authorization: `Bearer ${ws.api_key}` }

  const call = async (app: LatchkeyApp, path: string, headers: Record<string, string>, body: unknown = {}) => {
    const res = await injectInto(app, { method: 'POST', url: path, headers, payload: body as Record<string, unknown> })
    return { status: res.statusCode, body: res.json() }
  }
  const newSession = async () => (await call(a, '/client_sessions/create', key, { user_identifier_key: randomUUID() })).body.client_session
  const cst = (token: string) => ({ authorization: `Bearer ${token}` })

  test('a session revoked on B is refused by A at once', async () => {
    const session = await newSession()
    for (let i = 0; i < 3; i++) assert.equal((await call(a, '/client_sessions/get', cst(session.token))).status, 200)
    assert.equal((await call(b, '/client_sessions/revoke', key, { client_session_id: session.client_session_id })).status, 200)
    const refused = await call(a, '/client_sessions/get', cst(session.token))
    assert.equal(refused.status, 401)
    assert.equal(refused.body.error.type, 'client_session_revoked')
  })

  test('a session deleted on B is unknown to A at once', async () => {
    const session = await newSession()
    assert.equal((await call(a, '/client_sessions/get', cst(session.token))).status, 200)
    assert.equal((await call(b, '/client_sessions/delete', key, { client_session_id: session.client_session_id })).status, 200)
    assert.equal((await call(a, '/client_sessions/get', cst(session.token))).body.error.type, 'client_session_not_found')
  })

  test('access granted on B, and devices added on B, show on A at once', async () => {
    const session = await newSession()
    const before = await call(a, '/client_sessions/get', cst(session.token))
    assert.deepEqual(before.body.client_session.connected_account_ids, [])
    const accountId = await seedAccount(stores.b, clock.now().toISOString(), ws.workspace_id)
    const granted = { client_session_id: session.client_session_id, connected_account_ids: [accountId] }
    assert.equal((await call(b, '/client_sessions/grant_access', key, granted)).status, 200)
    const afterGrant = await call(a, '/client_sessions/get', cst(session.token))
    assert.deepEqual(afterGrant.body.client_session.connected_account_ids, [accountId])
    assert.equal(afterGrant.body.client_session.device_count, 0)
    await seedDevice(stores.b, clock.now().toISOString(), ws.workspace_id, accountId)
    assert.equal((await call(a, '/client_sessions/get', cst(session.token))).body.client_session.device_count, 1)
  })

  test('an API key revoked on B is refused by A at once', async () => {
    const extra = await provisionWorkspace(stores.a, clock, { name: 'Extra', isSandbox: true })
    const extraKey = { authorization: `Bearer ${extra.api_key}` }
    assert.equal((await call(a, '/client_sessions/list', extraKey)).status, 200)
    const [apiKey] = await stores.b.listApiKeys(extra.workspace_id)
    assert.ok(apiKey)
    assert.equal(await stores.b.revokeApiKey(apiKey.apiKeyId, clock.now().toISOString()), true)
    assert.equal((await call(a, '/client_sessions/list', extraKey)).status, 401)
  })

  test('lists read on A show what B changed at once: sessions created and deleted, devices added', async () => {
    const listed = async () => {
      const res = await call(a, '/client_sessions/list', key, { limit: 100 })
      assert.equal(res.status, 200)
      return (res.body.client_sessions as { client_session_id: string; token: string }[]).map((s) => s.client_session_id)
    }
    const first = await newSession()
    // Twice, so the second answer can come from what A remembers.
    assert.ok((await listed()).includes(first.client_session_id))
    assert.ok((await listed()).includes(first.client_session_id))
    const second = (await call(b, '/client_sessions/create', key, { user_identifier_key: randomUUID() })).body.client_session
    assert.ok((await listed()).includes(second.client_session_id))
    assert.equal((await call(b, '/client_sessions/delete', key, { client_session_id: first.client_session_id })).status, 200)
    assert.ok(!(await listed()).includes(first.client_session_id))

    const accountId = await seedAccount(stores.b, clock.now().toISOString(), ws.workspace_id)
    const granted = { client_session_id: second.client_session_id, connected_account_ids: [accountId] }
    assert.equal((await call(b, '/client_sessions/grant_access', key, granted)).status, 200)
    const devices = async () => (await call(a, '/devices/list', cst(second.token))).body.devices.length as number
    assert.equal(await devices(), 0)
    assert.equal(await devices(), 0)
    await seedDevice(stores.b, clock.now().toISOString(), ws.workspace_id, accountId)
    assert.equal(await devices(), 1)
  })

  test('a stored token copied onto another session opens for neither row but its own, even once read', async () => {
    const source = await newSession()
    const target = await newSession()
    const tokenOf = async (id: string) => {
      const res = await call(a, '/client_sessions/list', key, { client_session_id: id })
      assert.equal(res.status, 200)
      return res.body.client_sessions[0].token as string | null
    }
    // Read (and so decrypted) before the copy: what A remembers must not follow the ciphertext.
    assert.equal(await tokenOf(source.client_session_id), source.token)
    await shared.runElsewhere(
      `UPDATE client_sessions SET token_ciphertext = (SELECT token_ciphertext FROM client_sessions WHERE client_session_id = '${source.client_session_id}') WHERE client_session_id = '${target.client_session_id}'`,
    )
    assert.equal(await tokenOf(target.client_session_id), null)
    assert.equal(await tokenOf(source.client_session_id), source.token)
  })

  test('a session that expires while cached is refused', async () => {
    const session = await newSession()
    assert.equal((await call(a, '/client_sessions/get', cst(session.token))).status, 200)
    clock.advance(DEFAULT_CONFIG.sessionLifetimeMs + 1)
    assert.equal((await call(a, '/client_sessions/get', cst(session.token))).body.error.type, 'client_session_expired')
  })
})
