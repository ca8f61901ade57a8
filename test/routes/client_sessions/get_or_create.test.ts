import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { createWorld } from '../../fixtures/world.ts'

const YEAR = 365 * 24 * 60 * 60 * 1000

describe('client_sessions/get_or_create', () => {
  test('creates when missing, then returns the same session', async () => {
    const w = await createWorld()
    const first = await w.api('/client_sessions/get_or_create', { user_identifier_key: 'jane' })
    assert.equal(first.status, 200)
    const second = await w.api('/client_sessions/get_or_create', { user_identifier_key: 'jane' })
    assert.deepEqual(second.body.client_session, first.body.client_session)
    const put = await w.request({
      method: 'PUT',
      url: '/client_sessions/get_or_create',
      payload: { user_identifier_key: 'jane' },
      headers: w.as.apiKey,
    })
    assert.deepEqual(put.body.client_session, first.body.client_session)
  })

  test('grants given ids to an existing session (set union) and sets expires_at', async () => {
    const w = await createWorld()
    const a = await w.seedAccount(w.ws.workspace_id, 1)
    const b = await w.seedAccount(w.ws.workspace_id, 2)
    const webview = await w.seedWebview(w.ws.workspace_id)
    const identity = await w.seedUserIdentity(w.ws.workspace_id)
    await w.session({ user_identifier_key: 'jane', connected_account_ids: [a] })
    const expiresAt = new Date(w.clock.now().getTime() + 3_600_000).toISOString()
    const res = await w.api('/client_sessions/get_or_create', {
      user_identifier_key: 'jane',
      connected_account_ids: [a, b],
      connect_webview_ids: [webview],
      user_identity_id: identity,
      expires_at: expiresAt,
    })
    const s = res.body.client_session
    assert.deepEqual([...s.connected_account_ids].sort(), [a, b].sort())
    assert.deepEqual(s.connect_webview_ids, [webview])
    assert.equal(s.user_identity_id, identity)
    assert.equal(s.expires_at, expiresAt)
    assert.equal(s.device_count, 3)
  })

  test('renews an expired session to now + lifetime, keeping its token', async () => {
    const w = await createWorld()
    const s = await w.session({ user_identifier_key: 'jane', expires_at: new Date(w.clock.now().getTime() + 1000).toISOString() })
    w.clock.advance(10_000)
    assert.equal((await w.api('/client_sessions/get', {}, w.as.cst(s.token))).body.error.type, 'client_session_expired')
    const renewed = await w.api('/client_sessions/get_or_create', { user_identifier_key: 'jane' })
    assert.equal(renewed.body.client_session.client_session_id, s.client_session_id)
    assert.equal(renewed.body.client_session.expires_at, new Date(w.clock.now().getTime() + YEAR).toISOString())
    assert.equal((await w.api('/client_sessions/get', {}, w.as.cst(s.token))).status, 200)
  })

  test('after revocation the key is free: a new session with a new token', async () => {
    const w = await createWorld()
    const s = await w.session({ user_identifier_key: 'jane' })
    await w.api('/client_sessions/revoke', { client_session_id: s.client_session_id })
    const fresh = await w.api('/client_sessions/get_or_create', { user_identifier_key: 'jane' })
    assert.notEqual(fresh.body.client_session.client_session_id, s.client_session_id)
    assert.notEqual(fresh.body.client_session.token, s.token)
  })

  test('without user_identifier_key it creates every time', async () => {
    const w = await createWorld()
    const a = await w.api('/client_sessions/get_or_create', {})
    const b = await w.api('/client_sessions/get_or_create', {})
    assert.notEqual(a.body.client_session.client_session_id, b.body.client_session.client_session_id)
  })

  test('unknown ids: 404 and nothing created', async () => {
    const w = await createWorld()
    const foreign = await w.seedAccount(w.other.workspace_id)
    const res = await w.api('/client_sessions/get_or_create', { user_identifier_key: 'jane', connected_account_ids: [foreign] })
    assert.equal(res.status, 404)
    assert.equal(res.body.error.type, 'connected_account_not_found')
    assert.equal((await w.api('/client_sessions/list')).body.client_sessions.length, 0)
  })

  test('a past expires_at answers invalid_input', async () => {
    const w = await createWorld()
    const res = await w.api('/client_sessions/get_or_create', { user_identifier_key: 'jane', expires_at: '2001-01-01T00:00:00.000Z' })
    assert.equal(res.status, 400)
    assert.equal(res.body.error.type, 'invalid_input')
  })

  test('50 concurrent calls for one new key yield exactly one session', async () => {
    const w = await createWorld()
    const results = await Promise.all(
      Array.from({ length: 50 }, () => w.api('/client_sessions/get_or_create', { user_identifier_key: 'race' })),
    )
    for (const r of results) assert.equal(r.status, 200, r.text)
    const ids = new Set(results.map((r) => r.body.client_session.client_session_id))
    assert.equal(ids.size, 1)
    const list = await w.api('/client_sessions/list', { user_identifier_key: 'race' })
    assert.equal(list.body.client_sessions.length, 1)
  })

  test('concurrent creates with PUT converge too, and POSTs yield one success', async () => {
    const w = await createWorld()
    const puts = await Promise.all(
      Array.from({ length: 20 }, () =>
        w.request({ method: 'PUT', url: '/client_sessions/create', payload: { user_identifier_key: 'put-race' }, headers: w.as.apiKey }),
      ),
    )
    assert.equal(new Set(puts.map((r) => r.body.client_session.client_session_id)).size, 1)
    const posts = await Promise.all(
      Array.from({ length: 20 }, () => w.api('/client_sessions/create', { user_identifier_key: 'post-race' })),
    )
    assert.equal(posts.filter((r) => r.status === 200).length, 1)
    for (const r of posts.filter((p) => p.status !== 200)) assert.equal(r.body.error.type, 'client_session_token_already_exists')
  })
})
