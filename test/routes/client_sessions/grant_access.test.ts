import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'

import { createWorld } from '../../fixtures/world.ts'

describe('client_sessions/grant_access', () => {
  test('adds ids (set union) by id or by user key, with PATCH and POST', async () => {
    const w = await createWorld()
    const a = await w.seedAccount(w.ws.workspace_id, 2)
    const b = await w.seedAccount(w.ws.workspace_id, 1)
    const webview = await w.seedWebview(w.ws.workspace_id)
    const identity = await w.seedUserIdentity(w.ws.workspace_id)
    const s = await w.session({ user_identifier_key: 'jane', connected_account_ids: [a] })
    const patch = await w.request({
      method: 'PATCH',
      url: '/client_sessions/grant_access',
      payload: { client_session_id: s.client_session_id, connected_account_ids: [a, b] },
      headers: w.as.apiKey,
    })
    assert.equal(patch.status, 200)
    assert.deepEqual([...patch.body.client_session.connected_account_ids].sort(), [a, b].sort())
    assert.equal(patch.body.client_session.device_count, 3)
    const post = await w.api('/client_sessions/grant_access', {
      user_identifier_key: 'jane',
      connect_webview_ids: [webview],
      user_identity_id: identity,
    })
    assert.deepEqual(post.body.client_session.connect_webview_ids, [webview])
    assert.equal(post.body.client_session.user_identity_id, identity)
    const after = await w.api('/client_sessions/get', {}, w.as.cst(s.token))
    assert.equal(after.body.client_session.connected_account_ids.length, 2)
    assert.equal(after.body.client_session.token, s.token)
  })

  test('unknown session: 404 client_session_not_found; no selector: invalid_input', async () => {
    const w = await createWorld()
    const res = await w.api('/client_sessions/grant_access', { client_session_id: randomUUID() })
    assert.equal(res.status, 404)
    assert.equal(res.body.error.type, 'client_session_not_found')
    const none = await w.api('/client_sessions/grant_access', { connected_account_ids: [] })
    assert.equal(none.status, 400)
    assert.equal(none.body.error.type, 'invalid_input')
  })

  test('ids from another workspace: 404 naming the id, nothing granted', async () => {
    const w = await createWorld()
    const s = await w.session({ user_identifier_key: 'jane' })
    const foreign = await w.seedAccount(w.other.workspace_id, 2)
    const foreignWebview = await w.seedWebview(w.other.workspace_id)
    const foreignIdentity = await w.seedUserIdentity(w.other.workspace_id)
    for (const [body, type] of [
      [{ connected_account_ids: [foreign] }, 'connected_account_not_found'],
      [{ connect_webview_ids: [foreignWebview] }, 'connect_webview_not_found'],
      [{ user_identity_id: foreignIdentity }, 'user_identity_not_found'],
    ] as const) {
      const res = await w.api('/client_sessions/grant_access', { client_session_id: s.client_session_id, ...body })
      assert.equal(res.status, 404)
      assert.equal(res.body.error.type, type)
    }
    const after = await w.api('/client_sessions/get', { client_session_id: s.client_session_id })
    assert.deepEqual(after.body.client_session.connected_account_ids, [])
    assert.equal(after.body.client_session.device_count, 0)
  })
})
