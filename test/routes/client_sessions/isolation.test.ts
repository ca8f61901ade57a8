import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { bearer, createWorld } from '../../fixtures/world.ts'

/**
 * Workspace isolation for every route: acting with workspace B's credentials on workspace A's
 * sessions finds nothing and changes nothing.
 */
describe('workspace isolation, every route', () => {
  test('B cannot read, list, grant, revoke or delete A’s sessions, nor take A’s keys', async () => {
    const w = await createWorld()
    const account = await w.seedAccount(w.ws.workspace_id, 2)
    const a = await w.session({ user_identifier_key: 'jane', connected_account_ids: [account] })
    const asB = bearer(w.other.api_key)
    const byId = { client_session_id: a.client_session_id }

    assert.equal((await w.api('/client_sessions/get', byId, asB)).body.error.type, 'client_session_not_found')
    assert.equal((await w.api('/client_sessions/get', { user_identifier_key: 'jane' }, asB)).status, 404)
    const list = await w.api('/client_sessions/list', {}, asB)
    assert.deepEqual(list.body.client_sessions, [])
    assert.deepEqual((await w.api('/client_sessions/list', byId, asB)).body.client_sessions, [])
    assert.equal((await w.api('/client_sessions/grant_access', byId, asB)).status, 404)
    assert.equal((await w.api('/client_sessions/grant_access', { ...byId, connected_account_ids: [account] }, asB)).status, 404)
    assert.equal((await w.api('/client_sessions/revoke', byId, asB)).status, 404)
    assert.equal((await w.api('/client_sessions/delete', byId, asB)).status, 404)

    // Same key in B is a different session; get_or_create in B does not touch A's.
    const bSession = await w.api('/client_sessions/get_or_create', { user_identifier_key: 'jane' }, asB)
    assert.notEqual(bSession.body.client_session.client_session_id, a.client_session_id)
    assert.equal(bSession.body.client_session.device_count, 0)

    // A's session is untouched and its token still works.
    const still = await w.api('/client_sessions/get', {}, w.as.cst(a.token))
    assert.equal(still.status, 200)
    assert.deepEqual(still.body.client_session, a)
  })

  test('a CST of workspace A sees only its own session', async () => {
    const w = await createWorld()
    const a = await w.session({ user_identifier_key: 'jane' })
    const b = await w.api('/client_sessions/create', { user_identifier_key: 'jane' }, bearer(w.other.api_key))
    const res = await w.api('/client_sessions/get', { client_session_id: b.body.client_session.client_session_id }, w.as.cst(a.token))
    assert.equal(res.body.client_session.client_session_id, a.client_session_id)
    assert.equal(res.body.client_session.workspace_id, w.ws.workspace_id)
  })

  test('device_count only counts devices of the session’s own workspace', async () => {
    const w = await createWorld()
    const account = await w.seedAccount(w.ws.workspace_id, 1)
    // A device row in another workspace pointing at the same account id must not count.
    await w.store.insertDevice({
      deviceId: crypto.randomUUID(),
      workspaceId: w.other.workspace_id,
      connectedAccountId: account,
      deviceType: 'august_lock',
      displayName: 'Stray',
      properties: {},
      createdAt: w.clock.now().toISOString(),
    })
    const s = await w.session({ connected_account_ids: [account] })
    assert.equal(s.device_count, 1)
  })
})

describe("one tenant's input and another tenant's reads", () => {
  test("a publishable-key get_or_create with a NUL in its key fails alone, while another workspace's concurrent reads by key all answer 200", async () => {
    const w = await createWorld()
    const otherKey = { authorization: `Bearer ${w.other.api_key}` }
    const keys = Array.from({ length: 12 }, (_, i) => `user_${i}`)
    for (const key of keys) assert.equal((await w.api('/client_sessions/create', { user_identifier_key: key }, otherKey)).status, 200)
    const evil = () => w.api('/client_sessions/get_or_create', { user_identifier_key: 'evil\u0000' }, w.as.publishable())
    const reads = Array.from({ length: 360 }, (_, i) =>
      w.api('/client_sessions/get', { user_identifier_key: keys[i % keys.length] }, otherKey),
    )
    const answers = await Promise.all([...Array.from({ length: 20 }, evil), ...reads])
    for (const answer of answers.slice(0, 20)) assert.equal(answer.status, 400, answer.text)
    for (const answer of answers.slice(20)) assert.equal(answer.status, 200, answer.text)
  })
})
