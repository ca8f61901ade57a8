import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'

import { createWorld } from '../../fixtures/world.ts'

const YEAR = 365 * 24 * 60 * 60 * 1000

describe('client_sessions/create', () => {
  test('returns the full resource with defaults (contract §3)', async () => {
    const w = await createWorld()
    const res = await w.api('/client_sessions/create', { user_identifier_key: 'jane_doe' })
    assert.equal(res.status, 200)
    const s = res.body.client_session
    assert.equal(s.workspace_id, w.ws.workspace_id)
    assert.match(s.token, /^seam_cst1/)
    assert.equal(s.user_identifier_key, 'jane_doe')
    assert.equal(s.created_at, w.clock.now().toISOString())
    assert.equal(Date.parse(s.expires_at) - Date.parse(s.created_at), YEAR)
    assert.equal(s.device_count, 0)
    assert.deepEqual(s.connected_account_ids, [])
    assert.deepEqual(s.connect_webview_ids, [])
    assert.deepEqual(s.user_identity_ids, [])
    assert.equal('user_identity_id' in s, false)
    assert.equal('customer_id' in s, false)
  })

  test('user_identifier_key is null when absent, and keyless sessions never collide', async () => {
    const w = await createWorld()
    const a = await w.session()
    const b = await w.session()
    assert.equal(a.user_identifier_key, null)
    assert.notEqual(a.client_session_id, b.client_session_id)
  })

  test('the session lifetime is a server setting', async () => {
    const w = await createWorld({ sessionLifetimeMs: 3_600_000 })
    const s = await w.session()
    assert.equal(Date.parse(s.expires_at) - Date.parse(s.created_at), 3_600_000)
  })

  test('stores referenced ids, counts devices in scope, and echoes identity and customer fields', async () => {
    const w = await createWorld()
    const account = await w.seedAccount(w.ws.workspace_id, 3)
    const webviewAccount = await w.seedAccount(w.ws.workspace_id, 2)
    const authorized = await w.seedWebview(w.ws.workspace_id, webviewAccount)
    const pending = await w.seedWebview(w.ws.workspace_id)
    await w.seedAccount(w.ws.workspace_id, 4) // not in scope
    const identity = await w.seedUserIdentity(w.ws.workspace_id)
    const s = await w.session({
      user_identifier_key: 'jane',
      connected_account_ids: [account, account],
      connect_webview_ids: [authorized, pending],
      user_identity_id: identity,
      customer_id: 'cust-1',
      customer_key: 'customer_key_1',
    })
    assert.deepEqual(s.connected_account_ids, [account])
    assert.deepEqual([...s.connect_webview_ids].sort(), [authorized, pending].sort())
    assert.equal(s.device_count, 5)
    assert.equal(s.user_identity_id, identity)
    assert.deepEqual(s.user_identity_ids, [identity])
    assert.equal(s.customer_id, 'cust-1')
    assert.equal(s.customer_key, 'customer_key_1')
  })

  test('an account reached both directly and through a webview counts its devices once', async () => {
    const w = await createWorld()
    const account = await w.seedAccount(w.ws.workspace_id, 3)
    const webview = await w.seedWebview(w.ws.workspace_id, account)
    const s = await w.session({ connected_account_ids: [account], connect_webview_ids: [webview] })
    assert.equal(s.device_count, 3)
  })

  test('deprecated user_identity_ids: exactly one, and it must agree with user_identity_id', async () => {
    const w = await createWorld()
    const identity = await w.seedUserIdentity(w.ws.workspace_id)
    const other = await w.seedUserIdentity(w.ws.workspace_id)
    const s = await w.session({ user_identity_ids: [identity] })
    assert.equal(s.user_identity_id, identity)
    for (const body of [
      { user_identity_ids: [identity, other] },
      { user_identity_ids: [] },
      { user_identity_id: identity, user_identity_ids: [other] },
    ]) {
      const res = await w.api('/client_sessions/create', body)
      assert.equal(res.status, 400, JSON.stringify(body))
      assert.equal(res.body.error.type, 'invalid_input')
    }
  })

  test('every referenced id must exist in the workspace: 404 naming the id', async () => {
    const w = await createWorld()
    const foreignAccount = await w.seedAccount(w.other.workspace_id)
    const foreignWebview = await w.seedWebview(w.other.workspace_id)
    const foreignIdentity = await w.seedUserIdentity(w.other.workspace_id)
    const unknown = randomUUID()
    const cases = [
      [{ connected_account_ids: [unknown] }, 'connected_account_not_found', unknown],
      [{ connected_account_ids: [foreignAccount] }, 'connected_account_not_found', foreignAccount],
      [{ connect_webview_ids: [foreignWebview] }, 'connect_webview_not_found', foreignWebview],
      [{ user_identity_id: foreignIdentity }, 'user_identity_not_found', foreignIdentity],
    ] as const
    for (const [body, type, id] of cases) {
      const res = await w.api('/client_sessions/create', { user_identifier_key: 'jane', ...body })
      assert.equal(res.status, 404)
      assert.equal(res.body.error.type, type)
      assert.match(res.body.error.message, new RegExp(id))
    }
    assert.equal((await w.api('/client_sessions/list')).body.client_sessions.length, 0, 'nothing was created')
  })

  test('expires_at is honoured and must be in the future', async () => {
    const w = await createWorld()
    const at = new Date(w.clock.now().getTime() + 86_400_000)
    const s = await w.session({ expires_at: at.toISOString() })
    assert.equal(s.expires_at, at.toISOString())
    const offset = await w.session({ expires_at: '2026-11-22T12:00:00+02:00' })
    assert.equal(offset.expires_at, '2026-11-22T10:00:00.000Z')
    for (const expires_at of [w.clock.now().toISOString(), '2020-01-01T00:00:00Z', 'tomorrow']) {
      const res = await w.api('/client_sessions/create', { expires_at })
      assert.equal(res.status, 400, expires_at)
      assert.equal(res.body.error.type, 'invalid_input')
      assert.ok(res.body.error.validation_errors.expires_at)
    }
  })

  test('invalid field types answer invalid_input', async () => {
    const w = await createWorld()
    for (const body of [
      { user_identifier_key: 5 },
      { user_identifier_key: '' },
      { connected_account_ids: 'abc' },
      { connected_account_ids: ['not-a-uuid'] },
      { user_identity_id: 'nope' },
      { customer_key: '' },
    ]) {
      const res = await w.api('/client_sessions/create', body)
      assert.equal(res.status, 400, JSON.stringify(body))
      assert.equal(res.body.error.type, 'invalid_input')
    }
  })

  test('POST with a live key: 400 client_session_token_already_exists; PUT returns it unchanged', async () => {
    const w = await createWorld()
    const first = await w.session({ user_identifier_key: 'jane' })
    const post = await w.api('/client_sessions/create', { user_identifier_key: 'jane' })
    assert.equal(post.status, 400)
    assert.equal(post.body.error.type, 'client_session_token_already_exists')
    const account = await w.seedAccount(w.ws.workspace_id)
    const put = await w.request({
      method: 'PUT',
      url: '/client_sessions/create',
      payload: { user_identifier_key: 'jane', connected_account_ids: [account] },
      headers: w.as.apiKey,
    })
    assert.equal(put.status, 200)
    assert.deepEqual(put.body.client_session, first)
  })

  test('keys are per workspace', async () => {
    const w = await createWorld()
    const mine = await w.session({ user_identifier_key: 'jane' })
    const theirs = await w.api('/client_sessions/create', { user_identifier_key: 'jane' }, { authorization: `Bearer ${w.other.api_key}` })
    assert.equal(theirs.status, 200)
    assert.notEqual(theirs.body.client_session.client_session_id, mine.client_session_id)
    assert.equal(theirs.body.client_session.workspace_id, w.other.workspace_id)
  })

  test('with a PAT the session lands in the seam-workspace workspace', async () => {
    const w = await createWorld()
    const res = await w.api('/client_sessions/create', { user_identifier_key: 'jane' }, w.as.pat)
    assert.equal(res.body.client_session.workspace_id, w.ws.workspace_id)
  })

  test('with a publishable key: empty session for the user key; POST again refuses, PUT returns it', async () => {
    const w = await createWorld()
    const res = await w.api('/client_sessions/create', { user_identifier_key: 'jane' }, w.as.publishable())
    assert.equal(res.status, 200)
    assert.equal(res.body.client_session.user_identifier_key, 'jane')
    const again = await w.api('/client_sessions/create', { user_identifier_key: 'jane' }, w.as.publishable())
    assert.equal(again.body.error.type, 'client_session_token_already_exists')
    const put = await w.request({ method: 'PUT', url: '/client_sessions/create', payload: {}, headers: w.as.publishable('jane') })
    assert.equal(put.body.client_session.client_session_id, res.body.client_session.client_session_id)
  })
})
