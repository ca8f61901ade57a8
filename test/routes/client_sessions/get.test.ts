import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'

import { createWorld } from '../../fixtures/world.ts'

describe('client_sessions/get', () => {
  test('by client_session_id, by user_identifier_key, or both (GET and POST)', async () => {
    const w = await createWorld()
    const s = await w.session({ user_identifier_key: 'jane' })
    for (const body of [
      { client_session_id: s.client_session_id },
      { user_identifier_key: 'jane' },
      { client_session_id: s.client_session_id, user_identifier_key: 'jane' },
    ]) {
      const post = await w.api('/client_sessions/get', body)
      assert.deepEqual(post.body.client_session, s)
      const query = new URLSearchParams(body).toString()
      const get = await w.request({ method: 'GET', url: `/client_sessions/get?${query}`, headers: w.as.apiKey })
      assert.deepEqual(get.body.client_session, s)
    }
  })

  test('not found: 404 client_session_not_found (unknown id, mismatched pair, other workspace)', async () => {
    const w = await createWorld()
    const s = await w.session({ user_identifier_key: 'jane' })
    const foreign = await w.api('/client_sessions/create', { user_identifier_key: 'bob' }, { authorization: `Bearer ${w.other.api_key}` })
    for (const body of [
      { client_session_id: randomUUID() },
      { user_identifier_key: 'nobody' },
      { client_session_id: s.client_session_id, user_identifier_key: 'other' },
      { client_session_id: foreign.body.client_session.client_session_id },
      { user_identifier_key: 'bob' },
    ]) {
      const res = await w.api('/client_sessions/get', body)
      assert.equal(res.status, 404, JSON.stringify(body))
      assert.equal(res.body.error.type, 'client_session_not_found')
    }
  })

  test('without parameters an API key caller gets 400 invalid_input', async () => {
    const w = await createWorld()
    const res = await w.api('/client_sessions/get', {})
    assert.equal(res.status, 400)
    assert.equal(res.body.error.type, 'invalid_input')
  })

  test('with a CST: always the caller’s own session, whatever it asks for', async () => {
    const w = await createWorld()
    const mine = await w.session({ user_identifier_key: 'jane' })
    const theirs = await w.session({ user_identifier_key: 'bob' })
    for (const body of [{}, { client_session_id: theirs.client_session_id }, { user_identifier_key: 'bob' }]) {
      const res = await w.api('/client_sessions/get', body, w.as.cst(mine.token))
      assert.equal(res.status, 200)
      assert.equal(res.body.client_session.client_session_id, mine.client_session_id)
    }
  })

  test('with a CST, giving both parameters answers 400 invalid_options', async () => {
    const w = await createWorld()
    const s = await w.session({ user_identifier_key: 'jane' })
    const res = await w.api(
      '/client_sessions/get',
      { client_session_id: s.client_session_id, user_identifier_key: 'jane' },
      w.as.cst(s.token),
    )
    assert.equal(res.status, 400)
    assert.equal(res.body.error.type, 'invalid_options')
  })

  test('revoked and expired sessions are still returned to API-key and PAT callers', async () => {
    const w = await createWorld()
    const expiring = await w.session({ user_identifier_key: 'old', expires_at: new Date(w.clock.now().getTime() + 1000).toISOString() })
    const revoked = await w.session({ user_identifier_key: 'gone' })
    await w.api('/client_sessions/revoke', { client_session_id: revoked.client_session_id })
    w.clock.advance(5000)
    for (const headers of [w.as.apiKey, w.as.pat]) {
      assert.equal((await w.api('/client_sessions/get', { client_session_id: expiring.client_session_id }, headers)).status, 200)
      const r = await w.api('/client_sessions/get', { user_identifier_key: 'gone' }, headers)
      assert.equal(r.status, 200)
      assert.equal(r.body.client_session.client_session_id, revoked.client_session_id)
    }
  })

  test('by key, the live session wins over revoked ones', async () => {
    const w = await createWorld()
    const old = await w.session({ user_identifier_key: 'jane' })
    await w.api('/client_sessions/revoke', { client_session_id: old.client_session_id })
    w.clock.advance(1000)
    const live = await w.session({ user_identifier_key: 'jane' })
    const res = await w.api('/client_sessions/get', { user_identifier_key: 'jane' })
    assert.equal(res.body.client_session.client_session_id, live.client_session_id)
  })
})
