import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { provisionWorkspace } from '../../../src/domain/provisioning.ts'
import { bearer, createWorld, type World } from '../../fixtures/world.ts'

const pathOf = (url: string) => new URL(url).pathname
const createWebview = async (w: World, body: Record<string, unknown> = {}, headers = w.as.apiKey) => {
  const res = await w.api('/connect_webviews/create', body, headers)
  assert.equal(res.status, 200, res.text)
  return res.body.connect_webview
}
const readWebview = async (w: World, id: string) => (await w.api('/connect_webviews/get', { connect_webview_id: id })).body.connect_webview

describe('the sandbox Connect Webview, end to end over HTTP', () => {
  test('create: defaults and Seam’s fields; the url is this server’s sign-in page', async () => {
    const w = await createWorld()
    const webview = await createWebview(w, { custom_metadata: { crm_id: 'c-1' } })
    assert.equal(webview.status, 'pending')
    assert.equal(webview.login_successful, false)
    assert.equal(webview.connected_account_id, null)
    assert.deepEqual(webview.accepted_providers, ['august', 'ecobee', 'minut', 'salto_space', 'salto_ks'])
    assert.deepEqual(webview.custom_metadata, { crm_id: 'c-1' })
    assert.equal(webview.custom_redirect_url, null)
    assert.equal(webview.authorized_at, null)
    assert.equal(webview.workspace_id, w.ws.workspace_id)
    assert.equal(pathOf(webview.url), `/connect_webviews/view/${webview.connect_webview_id}`)

    // Every simulated provider is accepted: the page asks which, then shows that provider's sign-in form.
    const choice = await w.request({ method: 'GET', url: pathOf(webview.url) })
    assert.equal(choice.status, 200)
    assert.match(choice.text, /Choose the provider of your devices/)
    assert.match(choice.text, /\?provider=august/)
    assert.match(choice.text, /\?provider=minut/)
    const page = await w.request({ method: 'GET', url: `${pathOf(webview.url)}?provider=august` })
    assert.equal(page.status, 200)
    assert.match(String(page.headers['content-type']), /^text\/html/)
    assert.match(String(page.headers['content-security-policy']), /default-src 'none'/)
    assert.match(page.text, /<form method="post"/)
    assert.match(page.text, /name="email"/)
    assert.match(page.text, /name="password"/)
    assert.doesNotMatch(page.text, /<script/i, 'works without JavaScript')
  })

  test('wrong password: the form again with an error; the webview stays pending', async () => {
    const w = await createWorld()
    // August alone: Minut's sandbox takes any example.com address.
    const webview = await createWebview(w, { accepted_providers: ['august'] })
    for (const [email, password] of [
      ['jane@example.com', '0000'],
      ['nobody@example.com', '1234'],
      ['', ''],
    ] as const) {
      const res = await w.signIn(webview.url, email, password)
      assert.equal(res.status, 401)
      assert.match(res.text, /Wrong email or password/)
      assert.match(res.text, /<form method="post"/)
    }
    assert.equal((await readWebview(w, webview.connect_webview_id)).status, 'pending')
    assert.deepEqual((await w.api('/connected_accounts/list')).body.connected_accounts, [])
    assert.deepEqual((await w.api('/events/list', { event_type: 'connect_webview.login_succeeded' })).body.events, [])
  })

  test('jane signs in: account with 3 locks, webview authorized, events, success page', async () => {
    const w = await createWorld()
    const webview = await createWebview(w)
    w.clock.advance(5000)
    const res = await w.signIn(webview.url, 'Jane@Example.com', '1234')
    assert.equal(res.status, 200)
    assert.match(res.text, /connected/i)

    const after = await readWebview(w, webview.connect_webview_id)
    assert.equal(after.status, 'authorized')
    assert.equal(after.login_successful, true)
    assert.equal(after.authorized_at, w.clock.now().toISOString())
    const account = (await w.api('/connected_accounts/get', { connected_account_id: after.connected_account_id })).body.connected_account
    assert.equal(account.provider, 'august')
    assert.equal(after.selected_provider, 'august')
    assert.deepEqual(account.user_identifier, { email: 'jane@example.com' })
    const devices = (await w.api('/devices/list', { connected_account_id: account.connected_account_id })).body.devices
    assert.equal(devices.length, 3)
    for (const d of devices) {
      assert.equal(d.connected_account_id, account.connected_account_id)
      assert.equal(typeof d.properties.name, 'string')
      assert.equal(d.properties.locked, true)
    }
    const types = (await w.api('/events/list')).body.events.map((e: { event_type: string }) => e.event_type).sort()
    assert.deepEqual(types, [
      'connect_webview.login_succeeded',
      'connected_account.connected',
      'device.connected',
      'device.connected',
      'device.connected',
    ])

    const again = await w.signIn(webview.url, 'jane@example.com', '1234')
    assert.equal(again.status, 409, 'a used link cannot sign in twice')
    assert.equal((await w.request({ method: 'GET', url: pathOf(webview.url) })).status, 409)
  })

  test('signing the same person in again reuses the account; john gets 2 locks', async () => {
    const w = await createWorld()
    const first = await createWebview(w)
    const second = await createWebview(w)
    const third = await createWebview(w)
    await w.signIn(first.url, 'jane@example.com', '1234')
    await w.signIn(second.url, 'jane@example.com', '1234')
    await w.signIn(third.url, 'john@example.com', '1234')
    const a = await readWebview(w, first.connect_webview_id)
    const b = await readWebview(w, second.connect_webview_id)
    const c = await readWebview(w, third.connect_webview_id)
    assert.equal(a.connected_account_id, b.connected_account_id)
    assert.notEqual(a.connected_account_id, c.connected_account_id)
    assert.equal((await w.api('/connected_accounts/list')).body.connected_accounts.length, 2)
    assert.equal((await w.api('/devices/list')).body.devices.length, 5)
    const connected = await w.api('/events/list', { event_types: ['connected_account.connected'] })
    assert.equal(connected.body.events.length, 2)
  })

  test('concurrent sign-ins of one person on one link: one authorizes, one account', async () => {
    const w = await createWorld()
    const webview = await createWebview(w)
    const results = await Promise.all(Array.from({ length: 8 }, () => w.signIn(webview.url, 'jane@example.com', '1234')))
    assert.equal(results.filter((r) => r.status === 200).length, 1)
    assert.equal((await w.api('/connected_accounts/list')).body.connected_accounts.length, 1)
    assert.equal((await w.api('/devices/list')).body.devices.length, 3)
  })

  test('custom_redirect_url: a 303 redirect there after signing in', async () => {
    const w = await createWorld()
    const webview = await createWebview(w, { custom_redirect_url: 'https://app.example.com/done?step=2' })
    assert.equal(webview.custom_redirect_url, 'https://app.example.com/done?step=2')
    const res = await w.signIn(webview.url, 'john@example.com', '1234')
    assert.equal(res.status, 303)
    assert.equal(res.headers.location, 'https://app.example.com/done?step=2')
  })

  test('a webview created with a client session token joins that session; signing in fills its scope', async () => {
    const w = await createWorld()
    const session = await w.session({ user_identifier_key: 'jane' })
    const webview = await createWebview(w, {}, w.as.cst(session.token))
    const before = (await w.api('/client_sessions/get', {}, w.as.cst(session.token))).body.client_session
    assert.deepEqual(before.connect_webview_ids, [webview.connect_webview_id])
    assert.equal(before.device_count, 0)
    assert.deepEqual((await w.api('/devices/list', {}, w.as.cst(session.token))).body.devices, [])

    await w.signIn(webview.url, 'jane@example.com', '1234')
    const after = (await w.api('/client_sessions/get', {}, w.as.cst(session.token))).body.client_session
    assert.equal(after.device_count, 3)
    assert.equal((await w.api('/devices/list', {}, w.as.cst(session.token))).body.devices.length, 3)
    const listed = await w.api('/client_sessions/list', { connect_webview_id: webview.connect_webview_id })
    assert.deepEqual(
      listed.body.client_sessions.map((s: { client_session_id: string }) => s.client_session_id),
      [session.client_session_id],
    )
  })

  test('only sandbox workspaces accept sandbox sign-ins; other providers are not offered', async () => {
    const w = await createWorld()
    const live = await provisionWorkspace(w.store, w.clock, { name: 'Live', isSandbox: false })
    const webview = await createWebview(w, {}, bearer(live.api_key))
    assert.equal((await w.request({ method: 'GET', url: pathOf(webview.url) })).status, 403)
    assert.equal((await w.signIn(webview.url, 'jane@example.com', '1234')).status, 403)
    assert.equal(
      (await w.api('/connect_webviews/get', { connect_webview_id: webview.connect_webview_id }, bearer(live.api_key))).body.connect_webview
        .status,
      'pending',
    )

    // A provider the sandbox does not simulate is not offered: "No accepted provider".
    const schlage = await createWebview(w, { accepted_providers: ['schlage'] })
    const page = await w.request({ method: 'GET', url: pathOf(schlage.url) })
    assert.equal(page.status, 403)
    assert.match(page.text, /No accepted provider/)
    assert.equal((await w.signIn(schlage.url, 'jane@example.com', '1234')).status, 403)
    assert.equal((await w.signIn(schlage.url, 'jane@example.com', '1234', { provider: 'schlage' })).status, 403)
    assert.equal((await readWebview(w, schlage.connect_webview_id)).status, 'pending')
  })

  test('unknown or malformed links answer a 404 page', async () => {
    const w = await createWorld()
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id', '%3Cscript%3E']) {
      const res = await w.request({ method: 'GET', url: `/connect_webviews/view/${id}` })
      assert.equal(res.status, 404, id)
      assert.doesNotMatch(res.text, /<script>/)
    }
  })

  test('invalid create parameters answer invalid_input and create nothing', async () => {
    const w = await createWorld()
    for (const body of [
      { accepted_providers: [] },
      { accepted_providers: ['Not A Provider'] },
      { custom_redirect_url: 'javascript:alert(1)' },
      { custom_redirect_url: 'not a url' },
      { custom_metadata: { nested: { no: 1 } } },
    ]) {
      const res = await w.api('/connect_webviews/create', body)
      assert.equal(res.status, 400, JSON.stringify(body))
      assert.equal(res.body.error.type, 'invalid_input')
    }
    assert.deepEqual((await w.api('/connect_webviews/list')).body.connect_webviews, [])
  })

  test('delete removes the webview and its place in every session; its account stays', async () => {
    const w = await createWorld()
    const webview = await createWebview(w)
    await w.signIn(webview.url, 'jane@example.com', '1234')
    const session = await w.session({ connect_webview_ids: [webview.connect_webview_id] })
    assert.equal(session.device_count, 3)
    const del = await w.request({
      method: 'DELETE',
      url: `/connect_webviews/delete?connect_webview_id=${webview.connect_webview_id}`,
      headers: w.as.apiKey,
    })
    assert.equal(del.status, 200)
    assert.equal((await w.api('/connect_webviews/get', { connect_webview_id: webview.connect_webview_id })).status, 404)
    const after = (await w.api('/client_sessions/get', { client_session_id: session.client_session_id })).body.client_session
    assert.deepEqual(after.connect_webview_ids, [])
    assert.equal(after.device_count, 0)
    assert.equal((await w.api('/connected_accounts/list')).body.connected_accounts.length, 1)
    assert.equal((await w.api('/connect_webviews/delete', { connect_webview_id: webview.connect_webview_id })).status, 404)
  })

  test('list pages newest first', async () => {
    const w = await createWorld()
    const made = []
    for (let i = 0; i < 5; i++) {
      made.push((await createWebview(w)).connect_webview_id)
      w.clock.advance(1000)
    }
    const first = await w.api('/connect_webviews/list', { limit: 3 })
    assert.deepEqual(
      first.body.connect_webviews.map((v: { connect_webview_id: string }) => v.connect_webview_id),
      made.slice(2).reverse(),
    )
    assert.equal(first.body.pagination.has_next_page, true)
    const second = await w.api('/connect_webviews/list', { limit: 3, page_cursor: first.body.pagination.next_page_cursor })
    assert.deepEqual(
      second.body.connect_webviews.map((v: { connect_webview_id: string }) => v.connect_webview_id),
      made.slice(0, 2).reverse(),
    )
    assert.deepEqual(second.body.pagination, { has_next_page: false, next_page_cursor: null, next_page_url: null })
  })
})
