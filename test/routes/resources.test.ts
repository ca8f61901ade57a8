import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'

import { bearer, createWorld, type World } from '../fixtures/world.ts'

const connectAs = async (w: World, email: string) => {
  const webview = (await w.api('/connect_webviews/create')).body.connect_webview
  assert.equal((await w.signIn(webview.url, email, '1234')).status, 200)
  const read = await w.api('/connect_webviews/get', { connect_webview_id: webview.connect_webview_id })
  return { webviewId: webview.connect_webview_id as string, accountId: read.body.connect_webview.connected_account_id as string }
}

describe('connected_accounts/delete', () => {
  test('shrinks every affected session’s scope and device_count, deletes devices, records the event', async () => {
    const w = await createWorld()
    const jane = await connectAs(w, 'jane@example.com')
    const john = await connectAs(w, 'john@example.com')
    const byGrant = await w.session({ user_identifier_key: 'g', connected_account_ids: [jane.accountId, john.accountId] })
    const byWebview = await w.session({ user_identifier_key: 'v', connect_webview_ids: [jane.webviewId] })
    assert.equal(byGrant.device_count, 5)
    assert.equal(byWebview.device_count, 3)

    const res = await w.api('/connected_accounts/delete', { connected_account_id: jane.accountId })
    assert.deepEqual(res.body, { ok: true })

    const grant = (await w.api('/client_sessions/get', {}, w.as.cst(byGrant.token))).body.client_session
    assert.deepEqual(grant.connected_account_ids, [john.accountId])
    assert.equal(grant.device_count, 2)
    const viaWebview = (await w.api('/client_sessions/get', {}, w.as.cst(byWebview.token))).body.client_session
    assert.equal(viaWebview.device_count, 0)
    assert.equal((await w.api('/connected_accounts/get', { connected_account_id: jane.accountId }, w.as.cst(byWebview.token))).status, 404)
    assert.deepEqual((await w.api('/devices/list', {}, w.as.cst(byWebview.token))).body.devices, [])
    assert.equal((await w.api('/devices/list')).body.devices.length, 2)
    assert.equal((await w.api('/connected_accounts/get', { connected_account_id: jane.accountId })).status, 404)
    const events = (await w.api('/events/list', { event_type: 'connected_account.deleted' })).body.events
    assert.deepEqual(
      events.map((e: { connected_account_id: string }) => e.connected_account_id),
      [jane.accountId],
    )

    // Deleting again, or another workspace's account, is a 404 that changes nothing.
    assert.equal((await w.api('/connected_accounts/delete', { connected_account_id: jane.accountId })).status, 404)
    const foreign = await w.api('/connected_accounts/delete', { connected_account_id: john.accountId }, bearer(w.other.api_key))
    assert.equal(foreign.status, 404)
    assert.equal((await w.api('/connected_accounts/get', { connected_account_id: john.accountId })).status, 200)
  })

  test('the same person can connect again afterwards, as a new account', async () => {
    const w = await createWorld()
    const first = await connectAs(w, 'jane@example.com')
    await w.api('/connected_accounts/delete', { connected_account_id: first.accountId })
    const second = await connectAs(w, 'jane@example.com')
    assert.notEqual(second.accountId, first.accountId)
    assert.equal((await w.api('/devices/list')).body.devices.length, 3)
  })
})

describe('devices/list filters and pages', () => {
  test('connected_account_id(s), device_ids, limit and page_cursor', async () => {
    const w = await createWorld()
    const jane = await connectAs(w, 'jane@example.com')
    const john = await connectAs(w, 'john@example.com')
    const all = (await w.api('/devices/list')).body.devices as { device_id: string; connected_account_id: string }[]
    assert.equal(all.length, 5)
    assert.equal((await w.api('/devices/list', { connected_account_ids: [jane.accountId, john.accountId] })).body.devices.length, 5)
    assert.equal((await w.api('/devices/list', { connected_account_ids: [john.accountId] })).body.devices.length, 2)
    assert.equal(
      (await w.api('/devices/list', { connected_account_id: jane.accountId, connected_account_ids: [john.accountId] })).body.devices.length,
      0,
    )
    const two = all.slice(0, 2).map((d) => d.device_id)
    assert.deepEqual(
      (await w.api('/devices/list', { device_ids: two })).body.devices.map((d: { device_id: string }) => d.device_id).sort(),
      [...two].sort(),
    )
    assert.deepEqual((await w.api('/devices/list', { device_ids: [] })).body.devices, [])

    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = await w.request({
        method: 'GET',
        url: `/devices/list?limit=2${cursor === undefined ? '' : `&page_cursor=${cursor}`}`,
        headers: w.as.apiKey,
      })
      assert.equal(page.status, 200)
      seen.push(...page.body.devices.map((d: { device_id: string }) => d.device_id))
      cursor = page.body.pagination.next_page_cursor ?? undefined
    } while (cursor !== undefined)
    assert.deepEqual(
      seen,
      all.map((d) => d.device_id),
    )

    const bad = await w.api('/devices/list', { page_cursor: 'nonsense' })
    assert.equal(bad.status, 400)
    assert.equal(bad.body.error.type, 'invalid_input')
  })

  test('devices/get of an unknown id is device_not_found', async () => {
    const w = await createWorld()
    const res = await w.api('/devices/get', { device_id: randomUUID() })
    assert.equal(res.status, 404)
    assert.equal(res.body.error.type, 'device_not_found')
  })
})

describe('user_identities', () => {
  test('create, get, list, delete; the key is unique per workspace', async () => {
    const w = await createWorld()
    const body = { user_identity_key: 'jean', email_address: 'jean@example.com', phone_number: '+15555550110', full_name: 'Jean Doe' }
    const created = (await w.api('/user_identities/create', body)).body.user_identity
    assert.equal(created.user_identity_key, 'jean')
    assert.equal(created.email_address, 'jean@example.com')
    assert.equal(created.full_name, 'Jean Doe')
    assert.equal(created.workspace_id, w.ws.workspace_id)
    const dup = await w.api('/user_identities/create', { user_identity_key: 'jean' })
    assert.equal(dup.status, 400)
    assert.equal(dup.body.error.type, 'user_identity_key_already_in_use')
    assert.equal(
      (await w.api('/user_identities/create', { user_identity_key: 'jean' }, bearer(w.other.api_key))).status,
      200,
      'unique per workspace only',
    )
    assert.equal((await w.api('/user_identities/create', { email_address: 'not an email' })).status, 400)

    assert.deepEqual((await w.api('/user_identities/get', { user_identity_id: created.user_identity_id })).body.user_identity, created)
    const list = (await w.api('/user_identities/list')).body.user_identities
    assert.deepEqual(
      list.map((u: { user_identity_id: string }) => u.user_identity_id),
      [created.user_identity_id],
    )

    const session = await w.session({ user_identity_id: created.user_identity_id })
    const mine = await w.api('/user_identities/list', {}, w.as.cst(session.token))
    assert.deepEqual(
      mine.body.user_identities.map((u: { user_identity_id: string }) => u.user_identity_id),
      [created.user_identity_id],
    )
    const filtered = await w.api('/client_sessions/list', { user_identity_id: created.user_identity_id })
    assert.deepEqual(
      filtered.body.client_sessions.map((s: { client_session_id: string }) => s.client_session_id),
      [session.client_session_id],
    )

    assert.deepEqual((await w.api('/user_identities/delete', { user_identity_id: created.user_identity_id })).body, { ok: true })
    assert.equal((await w.api('/user_identities/get', { user_identity_id: created.user_identity_id })).status, 404)
    const detached = (await w.api('/client_sessions/get', { client_session_id: session.client_session_id })).body.client_session
    assert.deepEqual(detached.user_identity_ids, [])
    assert.equal((await w.api('/user_identities/create', { user_identity_key: 'jean' })).status, 200, 'the key is free again')
  })
})

describe('events', () => {
  test('list filters event_type(s) and since; get by id; pages newest first', async () => {
    const w = await createWorld()
    const first = await w.session({ user_identifier_key: 'a' })
    await w.api('/client_sessions/delete', { client_session_id: first.client_session_id })
    w.clock.advance(60_000)
    const since = w.clock.now().toISOString()
    const second = await w.session({ user_identifier_key: 'b' })
    w.clock.advance(1000)
    await w.api('/client_sessions/delete', { client_session_id: second.client_session_id })

    const all = (await w.api('/events/list')).body.events
    assert.deepEqual(
      all.map((e: { event_type: string }) => e.event_type),
      ['client_session.deleted', 'client_session.deleted'],
    )
    assert.equal((await w.api('/events/list', { since })).body.events.length, 1)
    assert.equal(
      (await w.api('/events/list', { event_types: ['connected_account.deleted', 'client_session.deleted'] })).body.events.length,
      2,
    )
    assert.equal((await w.api('/events/list', { event_type: 'connected_account.deleted' })).body.events.length, 0)
    const page = await w.api('/events/list', { limit: 1 })
    assert.equal(page.body.events.length, 1)
    assert.equal(page.body.pagination.has_next_page, true)
    const got = await w.api('/events/get', { event_id: all[0].event_id })
    assert.deepEqual(got.body.event, all[0])
    assert.equal(got.body.event.client_session_id, second.client_session_id)
    assert.equal((await w.api('/events/get', { event_id: all[0].event_id }, bearer(w.other.api_key))).status, 404)
    assert.equal((await w.api('/events/list', { event_type: 'Not a type' })).status, 400)
  })
})
