import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { bearer, createWorld, type World } from '../fixtures/world.ts'

/**
 * contract §5 through the public surface: two sessions in one workspace and one in another. Every
 * route a client session token may call shows its own scope and nothing of the others'.
 */
describe('what a client session token may see (contract §5)', () => {
  let w: World
  // Session one: a webview signed in as jane (3 locks) and an identity.
  let one: { token: string; id: string; webview: string; account: string; devices: string[]; identity: string }
  // Session two: john's account (2 locks) granted directly, its own webview, its own identity.
  let two: { token: string; id: string; webview: string; account: string; devices: string[]; identity: string }
  // The other workspace: an account with a device, a session, a webview.
  let foreign: { account: string; device: string; webview: string; identity: string }

  const ids = (items: Record<string, string>[], key: string) => items.map((i) => i[key] as string).sort()
  const as = (token: string) => w.as.cst(token)

  before(async () => {
    w = await createWorld({ manualDispose: true })
    const webviewOne = (await w.api('/connect_webviews/create')).body.connect_webview
    assert.equal((await w.signIn(webviewOne.url, 'jane@example.com', '1234')).status, 200)
    const webviewTwo = (await w.api('/connect_webviews/create')).body.connect_webview
    assert.equal((await w.signIn(webviewTwo.url, 'john@example.com', '1234')).status, 200)
    const johnAccount = (await w.api('/connect_webviews/get', { connect_webview_id: webviewTwo.connect_webview_id })).body.connect_webview
      .connected_account_id
    const janeAccount = (await w.api('/connect_webviews/get', { connect_webview_id: webviewOne.connect_webview_id })).body.connect_webview
      .connected_account_id
    const unusedWebview = (await w.api('/connect_webviews/create')).body.connect_webview.connect_webview_id
    const identityOne = (await w.api('/user_identities/create', { user_identity_key: 'one' })).body.user_identity.user_identity_id
    const identityTwo = (await w.api('/user_identities/create', { user_identity_key: 'two' })).body.user_identity.user_identity_id

    const s1 = await w.session({
      user_identifier_key: 'one',
      connect_webview_ids: [webviewOne.connect_webview_id],
      user_identity_id: identityOne,
    })
    const s2 = await w.session({
      user_identifier_key: 'two',
      connected_account_ids: [johnAccount],
      connect_webview_ids: [unusedWebview],
      user_identity_id: identityTwo,
    })
    const devicesOf = async (account: string) =>
      ids((await w.api('/devices/list', { connected_account_id: account })).body.devices, 'device_id')
    one = {
      token: s1.token,
      id: s1.client_session_id,
      webview: webviewOne.connect_webview_id,
      account: janeAccount,
      devices: await devicesOf(janeAccount),
      identity: identityOne,
    }
    two = {
      token: s2.token,
      id: s2.client_session_id,
      webview: unusedWebview,
      account: johnAccount,
      devices: await devicesOf(johnAccount),
      identity: identityTwo,
    }

    const otherKey = bearer(w.other.api_key)
    const otherWebview = (await w.api('/connect_webviews/create', {}, otherKey)).body.connect_webview
    assert.equal((await w.signIn(otherWebview.url, 'jane@example.com', '1234')).status, 200)
    const otherAccount = (await w.api('/connect_webviews/get', { connect_webview_id: otherWebview.connect_webview_id }, otherKey)).body
      .connect_webview.connected_account_id
    const otherDevice = (await w.api('/devices/list', {}, otherKey)).body.devices[0].device_id
    const otherIdentity = (await w.api('/user_identities/create', { user_identity_key: 'one' }, otherKey)).body.user_identity
      .user_identity_id
    await w.api('/client_sessions/create', { user_identifier_key: 'one', connect_webview_ids: [otherWebview.connect_webview_id] }, otherKey)
    foreign = { account: otherAccount, device: otherDevice, webview: otherWebview.connect_webview_id, identity: otherIdentity }
  })

  after(() => w.dispose())

  test('the fixture is what the test assumes', () => {
    assert.equal(one.devices.length, 3)
    assert.equal(two.devices.length, 2)
    assert.notEqual(one.account, foreign.account, 'jane in another workspace is another account')
  })

  test('client_sessions/get: its own session, device_count from the same scope', async () => {
    const res = await w.api('/client_sessions/get', {}, as(one.token))
    assert.equal(res.body.client_session.client_session_id, one.id)
    assert.equal(res.body.client_session.device_count, 3)
    assert.equal((await w.api('/client_sessions/get', {}, as(two.token))).body.client_session.device_count, 2)
  })

  test('workspaces/get: its own workspace', async () => {
    const res = await w.api('/workspaces/get', {}, as(one.token))
    assert.equal(res.status, 200)
    assert.equal(res.body.workspace.workspace_id, w.ws.workspace_id)
    assert.equal(res.body.workspace.is_sandbox, true)
  })

  test('connected_accounts/get reaches only the scope', async () => {
    for (const [mine, theirs] of [
      [one, two],
      [two, one],
    ] as const) {
      assert.equal((await w.api('/connected_accounts/get', { connected_account_id: mine.account }, as(mine.token))).status, 200)
      for (const other of [theirs.account, foreign.account]) {
        const res = await w.api('/connected_accounts/get', { connected_account_id: other }, as(mine.token))
        assert.equal(res.status, 404)
        assert.equal(res.body.error.type, 'connected_account_not_found')
      }
    }
  })

  test('devices: list (with every filter) and get reach only the scope', async () => {
    const mine = await w.api('/devices/list', {}, as(one.token))
    assert.deepEqual(ids(mine.body.devices, 'device_id'), one.devices)
    const filtered = [
      { connected_account_id: two.account },
      { connected_account_ids: [two.account, foreign.account] },
      { device_ids: [...two.devices, foreign.device] },
    ]
    for (const filter of filtered) {
      assert.deepEqual((await w.api('/devices/list', filter, as(one.token))).body.devices, [], JSON.stringify(filter))
    }
    assert.equal((await w.api('/devices/get', { device_id: one.devices[0] }, as(one.token))).status, 200)
    for (const other of [two.devices[0], foreign.device]) {
      const res = await w.api('/devices/get', { device_id: other }, as(one.token))
      assert.equal(res.status, 404)
      assert.equal(res.body.error.type, 'device_not_found')
    }
  })

  test('connect_webviews: list and get reach only the session’s webviews', async () => {
    assert.deepEqual(ids((await w.api('/connect_webviews/list', {}, as(one.token))).body.connect_webviews, 'connect_webview_id'), [
      one.webview,
    ])
    assert.deepEqual(ids((await w.api('/connect_webviews/list', {}, as(two.token))).body.connect_webviews, 'connect_webview_id'), [
      two.webview,
    ])
    for (const other of [two.webview, foreign.webview]) {
      const res = await w.api('/connect_webviews/get', { connect_webview_id: other }, as(one.token))
      assert.equal(res.status, 404)
      assert.equal(res.body.error.type, 'connect_webview_not_found')
    }
  })

  test('user_identities/list: only the session’s own identity, whatever the filter', async () => {
    for (const mine of [one, two]) {
      const listed = await w.api('/user_identities/list', {}, as(mine.token))
      assert.equal(listed.status, 200)
      assert.deepEqual(ids(listed.body.user_identities, 'user_identity_id'), [mine.identity])
    }
    const asked = { user_identity_ids: [one.identity, two.identity, foreign.identity] }
    assert.deepEqual(ids((await w.api('/user_identities/list', asked, as(two.token))).body.user_identities, 'user_identity_id'), [
      two.identity,
    ])
    const withoutIdentity = await w.session({ user_identifier_key: 'no-identity', connect_webview_ids: [one.webview] })
    assert.deepEqual((await w.api('/user_identities/list', {}, as(withoutIdentity.token))).body.user_identities, [])
    assert.equal((await w.api('/client_sessions/delete', { client_session_id: withoutIdentity.client_session_id })).status, 200)
  })

  test('events/get: only an event events/list shows the session', async () => {
    const mine = (await w.api('/events/list', {}, as(one.token))).body.events as { event_id: string }[]
    const all = (await w.api('/events/list')).body.events as { event_id: string }[]
    const visible = new Set(mine.map((e) => e.event_id))
    const hidden = all.filter((e) => !visible.has(e.event_id))
    assert.ok(mine.length > 0 && hidden.length > 0, 'the fixture has events on both sides')
    for (const event of mine) {
      const res = await w.api('/events/get', { event_id: event.event_id }, as(one.token))
      assert.equal(res.status, 200)
      assert.equal(res.body.event.event_id, event.event_id)
    }
    const foreignEvent = (await w.api('/events/list', {}, bearer(w.other.api_key))).body.events[0].event_id as string
    for (const event_id of [...hidden.map((e) => e.event_id), foreignEvent]) {
      const res = await w.api('/events/get', { event_id }, as(one.token))
      assert.equal(res.status, 404)
      assert.equal(res.body.error.type, 'event_not_found')
    }
    // The newest in-scope event of a type, never an out-of-scope one of that type.
    const newest = await w.api('/events/get', { event_type: 'device.connected' }, as(two.token))
    assert.ok(two.devices.includes(newest.body.event.device_id), JSON.stringify(newest.body))
  })

  test('events/list: only events about its session, scope and webviews', async () => {
    const events = (await w.api('/events/list', {}, as(one.token))).body.events as Record<string, string>[]
    const types = events.map((e) => e.event_type).sort()
    assert.deepEqual(types, [
      'connect_webview.login_succeeded',
      'connected_account.connected',
      'device.connected',
      'device.connected',
      'device.connected',
    ])
    for (const e of events) {
      const about = [e.client_session_id, e.connected_account_id, e.connect_webview_id, e.device_id]
      assert.ok(about.includes(one.id) || about.includes(one.account) || about.includes(one.webview), JSON.stringify(e))
      assert.equal(e.workspace_id, w.ws.workspace_id)
    }
    const all = (await w.api('/events/list')).body.events
    assert.ok(all.length > events.length, 'the API key sees the whole workspace')
  })

  test('routes outside contract §5’s list refuse a client session token', async () => {
    const refused = [
      ['/client_sessions/list', {}],
      ['/connected_accounts/delete', { connected_account_id: one.account }],
      ['/connect_webviews/delete', { connect_webview_id: one.webview }],
      ['/user_identities/create', { user_identity_key: 'x' }],
      // Seam's security lists leave these out for client session tokens.
      ['/connected_accounts/list', {}],
      ['/action_attempts/list', {}],
      ['/user_identities/get', { user_identity_id: one.identity }],
    ] as const
    for (const [path, body] of refused) {
      const res = await w.api(path, body, as(one.token))
      assert.equal(res.status, 401, path)
    }
    // …and changed nothing.
    assert.equal((await w.api('/connected_accounts/get', { connected_account_id: one.account })).status, 200)
  })

  test('API keys and PATs see the whole workspace and nothing of the other', async () => {
    for (const headers of [w.as.apiKey, w.as.pat]) {
      const accounts = (await w.api('/connected_accounts/list', {}, headers)).body.connected_accounts
      assert.deepEqual(ids(accounts, 'connected_account_id'), [one.account, two.account].sort())
      const devices = (await w.api('/devices/list', {}, headers)).body.devices
      assert.deepEqual(ids(devices, 'device_id'), [...one.devices, ...two.devices].sort())
      assert.equal((await w.api('/connected_accounts/get', { connected_account_id: foreign.account }, headers)).status, 404)
      assert.equal((await w.api('/devices/get', { device_id: foreign.device }, headers)).status, 404)
      assert.equal((await w.api('/connect_webviews/get', { connect_webview_id: foreign.webview }, headers)).status, 404)
      assert.equal((await w.api('/user_identities/get', { user_identity_id: foreign.identity }, headers)).status, 404)
      const events = (await w.api('/events/list', {}, headers)).body.events as Record<string, string>[]
      assert.ok(events.every((e) => e.workspace_id === w.ws.workspace_id))
    }
  })

  test('publishable keys reach none of these routes', async () => {
    for (const path of ['/connected_accounts/list', '/devices/list', '/connect_webviews/list', '/events/list', '/workspaces/get']) {
      assert.equal((await w.api(path, {}, w.as.publishable('someone'))).status, 401, path)
    }
  })
})
