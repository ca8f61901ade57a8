import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { createWorld } from '../../fixtures/world.ts'

describe('client_sessions/list', () => {
  test('newest first, including revoked and expired sessions', async () => {
    const w = await createWorld()
    const ids: string[] = []
    for (let i = 0; i < 4; i++) {
      ids.push(
        (await w.session({ user_identifier_key: `u${i}`, expires_at: new Date(w.clock.now().getTime() + 1000).toISOString() }))
          .client_session_id,
      )
      w.clock.advance(10)
    }
    await w.api('/client_sessions/revoke', { client_session_id: ids[0] })
    w.clock.advance(5000)
    const res = await w.api('/client_sessions/list')
    assert.deepEqual(
      res.body.client_sessions.map((s: { client_session_id: string }) => s.client_session_id),
      [...ids].reverse(),
    )
    assert.deepEqual(res.body.pagination, { has_next_page: false, next_page_cursor: null, next_page_url: null })
  })

  test('filters, AND-ed', async () => {
    const w = await createWorld()
    const webview = await w.seedWebview(w.ws.workspace_id)
    const identity = await w.seedUserIdentity(w.ws.workspace_id)
    const a = await w.session({ user_identifier_key: 'a', connect_webview_ids: [webview] })
    const b = await w.session({ user_identifier_key: 'b', user_identity_id: identity })
    const c = await w.session({ connect_webview_ids: [webview], user_identity_id: identity })
    const ids = async (body: Record<string, unknown>) =>
      ((await w.api('/client_sessions/list', body)).body.client_sessions as { client_session_id: string }[])
        .map((s) => s.client_session_id)
        .sort()
    assert.deepEqual(await ids({ client_session_id: a.client_session_id }), [a.client_session_id])
    assert.deepEqual(await ids({ user_identifier_key: 'b' }), [b.client_session_id])
    assert.deepEqual(await ids({ connect_webview_id: webview }), [a.client_session_id, c.client_session_id].sort())
    assert.deepEqual(await ids({ user_identity_id: identity }), [b.client_session_id, c.client_session_id].sort())
    assert.deepEqual(await ids({ without_user_identifier_key: true }), [c.client_session_id])
    assert.deepEqual(await ids({ connect_webview_id: webview, without_user_identifier_key: true }), [c.client_session_id])
    assert.deepEqual(await ids({ connect_webview_id: webview, user_identifier_key: 'b' }), [])
    assert.equal((await ids({ without_user_identifier_key: false })).length, 3)
  })

  test('pages with limit and page_cursor without gaps or repeats, even with equal timestamps', async () => {
    const w = await createWorld()
    const created = new Set<string>()
    for (let i = 0; i < 23; i++) {
      created.add((await w.session({ user_identifier_key: `u${i}` })).client_session_id)
      if (i % 5 === 0) w.clock.advance(1)
    }
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const res: {
        body: { client_sessions: { client_session_id: string }[]; pagination: { has_next_page: boolean; next_page_cursor: string | null } }
      } = await w.api('/client_sessions/list', { limit: 5, ...(cursor === null ? {} : { page_cursor: cursor }) })
      seen.push(...res.body.client_sessions.map((s) => s.client_session_id))
      cursor = res.body.pagination.next_page_cursor
      assert.equal(res.body.pagination.has_next_page, cursor !== null)
      pages++
    } while (cursor !== null)
    assert.equal(pages, 5)
    assert.equal(seen.length, 23)
    assert.deepEqual(new Set(seen), created)
  })

  test('limit defaults to 500 and is capped at 10 000', async () => {
    const w = await createWorld()
    for (const limit of [0, 10_001, 1.5]) {
      const res = await w.api('/client_sessions/list', { limit })
      assert.equal(res.status, 400, String(limit))
      assert.equal(res.body.error.type, 'invalid_input')
    }
    assert.equal((await w.api('/client_sessions/list', { limit: 10_000 })).status, 200)
  })

  test('a cursor that this server did not issue answers invalid_input', async () => {
    const w = await createWorld()
    const res = await w.api('/client_sessions/list', { page_cursor: 'bm9wZQ' })
    assert.equal(res.status, 400)
    assert.equal(res.body.error.type, 'invalid_input')
  })
})
