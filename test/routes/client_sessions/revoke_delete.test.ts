import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'

import { createWorld } from '../../fixtures/world.ts'

describe('client_sessions/revoke', () => {
  test('the record stays readable with expires_at = revocation time; idempotent; key freed', async () => {
    const w = await createWorld()
    const s = await w.session({ user_identifier_key: 'jane' })
    w.clock.advance(1234)
    const revokedAt = w.clock.now().toISOString()
    const res = await w.api('/client_sessions/revoke', { client_session_id: s.client_session_id })
    assert.equal(res.status, 200)
    assert.deepEqual(res.body, { ok: true })
    w.clock.advance(1000)
    assert.equal((await w.api('/client_sessions/revoke', { client_session_id: s.client_session_id })).status, 200)
    const read = await w.api('/client_sessions/get', { client_session_id: s.client_session_id })
    assert.equal(read.body.client_session.expires_at, revokedAt)
    const fresh = await w.api('/client_sessions/create', { user_identifier_key: 'jane' })
    assert.equal(fresh.status, 200)
    assert.notEqual(fresh.body.client_session.client_session_id, s.client_session_id)
  })

  test('errors: missing id invalid_input, unknown or foreign id 404', async () => {
    const w = await createWorld()
    const foreign = await w.api('/client_sessions/create', {}, { authorization: `Bearer ${w.other.api_key}` })
    assert.equal((await w.api('/client_sessions/revoke', {})).body.error.type, 'invalid_input')
    for (const id of [randomUUID(), foreign.body.client_session.client_session_id]) {
      const res = await w.api('/client_sessions/revoke', { client_session_id: id })
      assert.equal(res.status, 404)
      assert.equal(res.body.error.type, 'client_session_not_found')
    }
    const theirs = await w.api('/client_sessions/get', {}, w.as.cst(foreign.body.client_session.token))
    assert.equal(theirs.status, 200, 'the other workspace’s session still works')
  })
})

describe('client_sessions/delete', () => {
  test('removes the session with DELETE (query) or POST, and records client_session.deleted', async () => {
    const w = await createWorld()
    const account = await w.seedAccount(w.ws.workspace_id, 1)
    const a = await w.session({ user_identifier_key: 'a', connected_account_ids: [account] })
    const b = await w.session({ user_identifier_key: 'b' })
    const del = await w.request({
      method: 'DELETE',
      url: `/client_sessions/delete?client_session_id=${a.client_session_id}`,
      headers: w.as.apiKey,
    })
    assert.equal(del.status, 200)
    assert.deepEqual(del.body, { ok: true })
    assert.equal((await w.api('/client_sessions/delete', { client_session_id: b.client_session_id })).status, 200)
    assert.equal((await w.api('/client_sessions/get', { client_session_id: a.client_session_id })).status, 404)
    assert.equal((await w.api('/client_sessions/list')).body.client_sessions.length, 0)
    const events = (await w.api('/events/list', { event_type: 'client_session.deleted' })).body.events
    assert.deepEqual(
      events.map((e: { client_session_id: string }) => e.client_session_id).sort(),
      [a.client_session_id, b.client_session_id].sort(),
    )
    // The key is free again.
    assert.equal((await w.api('/client_sessions/create', { user_identifier_key: 'a' })).status, 200)
  })

  test('errors: missing id invalid_input, unknown or foreign id 404, deleting twice 404', async () => {
    const w = await createWorld()
    const s = await w.session()
    const foreign = await w.api('/client_sessions/create', {}, { authorization: `Bearer ${w.other.api_key}` })
    assert.equal((await w.api('/client_sessions/delete', {})).body.error.type, 'invalid_input')
    assert.equal((await w.api('/client_sessions/delete', { client_session_id: s.client_session_id })).status, 200)
    for (const id of [randomUUID(), foreign.body.client_session.client_session_id, s.client_session_id]) {
      const res = await w.api('/client_sessions/delete', { client_session_id: id })
      assert.equal(res.status, 404)
      assert.equal(res.body.error.type, 'client_session_not_found')
    }
  })
})
