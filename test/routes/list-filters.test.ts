import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { createWorld, type World } from '../fixtures/world.ts'

/**
 * One workspace: Jane's webview signed in with three sandbox locks, John's with two; a session for
 * `jane` granted Jane's webview, one for `john` granted nothing, and `gone` revoked.
 */
const setUp = async () => {
  const w = await createWorld()
  const connect = async (email: string) => {
    const webview = (await w.api('/connect_webviews/create', {})).body.connect_webview
    await w.signIn(webview.url, email, '1234')
    w.clock.advance(1000)
    return webview.connect_webview_id as string
  }
  const janeView = await connect('jane@example.com')
  const johnView = await connect('john@example.com')
  const jane = await w.session({ user_identifier_key: 'jane', connect_webview_ids: [janeView] })
  await w.session({ user_identifier_key: 'john' })
  const gone = await w.session({ user_identifier_key: 'gone', connect_webview_ids: [johnView] })
  assert.equal((await w.api('/client_sessions/revoke', { client_session_id: gone.client_session_id })).status, 200)
  const devices = (await w.api('/devices/list')).body.devices as {
    device_id: string
    display_name: string
    connected_account_id: string
    created_at: string
  }[]
  assert.equal(devices.length, 5)
  const janeAccount = (await w.api('/connect_webviews/get', { connect_webview_id: janeView })).body.connect_webview
    .connected_account_id as string
  const janeDevices = devices.filter((d) => d.connected_account_id === janeAccount)
  assert.equal(janeDevices.length, 3)
  return { w, jane, janeView, johnView, janeAccount, devices, janeDevices }
}

const ids = (items: { device_id: string }[]) => items.map((d) => d.device_id).sort()
const list = async (w: World, path: string, body: Record<string, unknown>, key: string, headers?: Record<string, string>) => {
  const res = await w.api(path, body, headers)
  assert.equal(res.status, 200, JSON.stringify(res.body))
  return res.body[key]
}

describe("Seam's list filters, with Seam's meaning", () => {
  test("user_identifier_key narrows devices, locks, accounts, webviews and codes to that user's session scope", async () => {
    const { w, janeView, janeAccount, janeDevices } = await setUp()
    assert.deepEqual(ids(await list(w, '/devices/list', { user_identifier_key: 'jane' }, 'devices')), ids(janeDevices))
    assert.deepEqual(ids(await list(w, '/locks/list', { user_identifier_key: 'jane' }, 'locks')), ids(janeDevices))
    const accounts = await list(w, '/connected_accounts/list', { user_identifier_key: 'jane' }, 'connected_accounts')
    assert.deepEqual(
      accounts.map((a: { connected_account_id: string }) => a.connected_account_id),
      [janeAccount],
    )
    const webviews = await list(w, '/connect_webviews/list', { user_identifier_key: 'jane' }, 'connect_webviews')
    assert.deepEqual(
      webviews.map((v: { connect_webview_id: string }) => v.connect_webview_id),
      [janeView],
    )
    // A session granted nothing, a revoked one and an unknown key reach nothing.
    for (const key of ['john', 'gone', 'nobody']) {
      assert.deepEqual(await list(w, '/devices/list', { user_identifier_key: key }, 'devices'), [], key)
      assert.deepEqual(await list(w, '/connected_accounts/list', { user_identifier_key: key }, 'connected_accounts'), [], key)
    }
    // Access codes: Jane's lock has one, John's another; the filter keeps Jane's.
    const johnDevice = (await list(w, '/devices/list', {}, 'devices')).find(
      (d: { connected_account_id: string }) => d.connected_account_id !== janeAccount,
    )
    const janeCode = (await w.api('/access_codes/create', { device_id: janeDevices[0]?.device_id, code: '1234' })).body.access_code
    await w.api('/access_codes/create', { device_id: johnDevice.device_id, code: '5678' })
    const codes = await list(w, '/access_codes/list', { access_code_ids: [], user_identifier_key: 'jane' }, 'access_codes')
    assert.deepEqual(codes, [], 'an empty id list matches nothing')
    const janeCodes = await list(
      w,
      '/access_codes/list',
      { device_id: janeDevices[0]?.device_id, user_identifier_key: 'jane' },
      'access_codes',
    )
    assert.deepEqual(
      janeCodes.map((c: { access_code_id: string }) => c.access_code_id),
      [janeCode.access_code_id],
    )
    assert.deepEqual(
      await list(w, '/access_codes/list', { device_id: johnDevice.device_id, user_identifier_key: 'jane' }, 'access_codes'),
      [],
    )
  })

  test("a client session token's own scope and a user_identifier_key filter both apply", async () => {
    const { w, jane, janeDevices } = await setUp()
    const cst = w.as.cst(jane.token)
    assert.deepEqual(ids(await list(w, '/devices/list', { user_identifier_key: 'jane' }, 'devices', cst)), ids(janeDevices))
    assert.deepEqual(await list(w, '/devices/list', { user_identifier_key: 'john' }, 'devices', cst), [])
  })

  test('devices and locks: connect_webview_id, device_type(s), manufacturer, created_before, search, name', async () => {
    const { w, janeView, johnView, janeDevices, devices } = await setUp()
    assert.deepEqual(ids(await list(w, '/devices/list', { connect_webview_id: janeView }, 'devices')), ids(janeDevices))
    assert.equal((await list(w, '/locks/list', { connect_webview_id: johnView }, 'locks')).length, 2)
    const pending = (await w.api('/connect_webviews/create', {})).body.connect_webview.connect_webview_id
    assert.deepEqual(
      await list(w, '/devices/list', { connect_webview_id: pending }, 'devices'),
      [],
      'a webview not signed in connects nothing',
    )
    assert.equal((await list(w, '/devices/list', { device_type: 'august_lock' }, 'devices')).length, 5)
    assert.equal((await list(w, '/devices/list', { device_types: ['schlage_lock', 'august_lock'] }, 'devices')).length, 5)
    assert.deepEqual(await list(w, '/devices/list', { device_types: ['schlage_lock'] }, 'devices'), [])
    assert.deepEqual(
      await list(w, '/devices/list', { device_type: 'august_lock', device_types: ['schlage_lock'] }, 'devices'),
      [],
      'both must match',
    )
    assert.equal((await list(w, '/locks/list', { manufacturer: 'august' }, 'locks')).length, 5)
    assert.deepEqual(await list(w, '/locks/list', { manufacturer: 'yale' }, 'locks'), [])
    // Jane's devices were made a second before John's.
    const johnsFirst = devices
      .filter((d) => !janeDevices.includes(d))
      .map((d) => d.created_at)
      .sort()[0]
    assert.deepEqual(ids(await list(w, '/devices/list', { created_before: johnsFirst }, 'devices')), ids(janeDevices))
    const one = janeDevices[0] as { device_id: string; display_name: string }
    const found = await list(w, '/devices/list', { search: one.display_name.toUpperCase().slice(0, 5) }, 'devices')
    assert.ok(found.some((d: { device_id: string }) => d.device_id === one.device_id))
    assert.ok(
      found.every((d: { display_name: string }) => d.display_name.toLowerCase().includes(one.display_name.toLowerCase().slice(0, 5))),
    )
    assert.deepEqual(await list(w, '/devices/list', { search: '%' }, 'devices'), [], '% is a literal character')
    assert.equal((await w.api('/devices/get', { name: one.display_name })).body.device.display_name, one.display_name)
    assert.equal((await w.api('/locks/get', { name: one.display_name })).body.lock.display_name, one.display_name)
    assert.equal((await w.api('/devices/get', { name: 'No such door' })).body.error.type, 'device_not_found')
    assert.equal((await w.api('/devices/get', {})).body.error.type, 'invalid_input')
  })

  test('locks/list pages like every list', async () => {
    const { w, devices } = await setUp()
    const first = await w.api('/locks/list', { limit: 2 })
    assert.equal(first.body.locks.length, 2)
    assert.equal(first.body.pagination.has_next_page, true)
    const seen = [...first.body.locks]
    let cursor = first.body.pagination.next_page_cursor
    while (cursor !== null) {
      const next = await w.api('/locks/list', { limit: 2, page_cursor: cursor })
      seen.push(...next.body.locks)
      cursor = next.body.pagination.next_page_cursor
    }
    assert.deepEqual(
      seen.map((l: { device_id: string }) => l.device_id),
      devices.map((d) => d.device_id),
    )
  })

  test('access_codes/get by device_id and code; user_identities/get by key; identities list filters', async () => {
    const { w, janeDevices } = await setUp()
    const device = janeDevices[0]?.device_id
    const code = (await w.api('/access_codes/create', { device_id: device, code: '4321', name: 'Cleaner' })).body.access_code
    assert.equal(
      (await w.api('/access_codes/get', { device_id: device, code: '4321' })).body.access_code.access_code_id,
      code.access_code_id,
    )
    assert.equal((await w.api('/access_codes/get', { device_id: device, code: '0000' })).body.error.type, 'access_code_not_found')
    assert.equal(
      (await w.api('/access_codes/get', { access_code_id: code.access_code_id, code: '0000' })).body.error.type,
      'access_code_not_found',
    )
    assert.equal((await w.api('/access_codes/get', { device_id: device })).body.error.type, 'invalid_input')
    assert.equal((await list(w, '/access_codes/list', { device_id: device, search: 'clean' }, 'access_codes')).length, 1)

    const ann = (await w.api('/user_identities/create', { user_identity_key: 'ann', full_name: 'Ann Smith' })).body.user_identity
    w.clock.advance(1000)
    const bob = (await w.api('/user_identities/create', { user_identity_key: 'bob', email_address: 'bob@example.com' })).body.user_identity
    assert.deepEqual(ann.merged_user_identity_ids, [])
    assert.deepEqual(ann.merged_user_identity_keys, [])
    const got = await w.api('/user_identities/get', { user_identity_key: 'bob' })
    assert.equal(got.body.user_identity.user_identity_id, bob.user_identity_id)
    assert.equal((await w.api('/user_identities/get', { user_identity_key: 'zed' })).body.error.type, 'user_identity_not_found')
    const named = (ids: unknown[]) => ids.map((u) => (u as { user_identity_key: string }).user_identity_key)
    assert.deepEqual(named(await list(w, '/user_identities/list', { user_identity_ids: [bob.user_identity_id] }, 'user_identities')), [
      'bob',
    ])
    assert.deepEqual(named(await list(w, '/user_identities/list', { search: 'SMITH' }, 'user_identities')), ['ann'])
    assert.deepEqual(named(await list(w, '/user_identities/list', { created_before: bob.created_at }, 'user_identities')), ['ann'])
  })

  test('events: resource filters, between, and every event type Seam defines', async () => {
    const { w, janeDevices, janeAccount } = await setUp()
    const device = janeDevices[0]?.device_id as string
    await w.api('/locks/unlock_door', { device_id: device })
    w.clock.advance(1000)
    const code = (await w.api('/access_codes/create', { device_id: device, code: '2468' })).body.access_code
    const of = async (body: Record<string, unknown>) =>
      ((await list(w, '/events/list', body, 'events')) as { event_type: string }[]).map((e) => e.event_type)
    assert.deepEqual(await of({ device_id: device, event_types: ['lock.unlocked', 'access_code.created'] }), [
      'access_code.created',
      'lock.unlocked',
    ])
    assert.deepEqual(await of({ access_code_id: code.access_code_id }), ['access_code.created'])
    assert.ok((await of({ connected_account_id: janeAccount })).includes('connected_account.connected'))
    assert.deepEqual(await of({ device_ids: [] }), [])
    const unlocked = (await list(w, '/events/list', { event_type: 'lock.unlocked' }, 'events'))[0]
    const at = Date.parse(unlocked.occurred_at)
    assert.deepEqual(await of({ between: [new Date(at - 1).toISOString(), new Date(at + 1).toISOString()], device_id: device }), [
      'lock.unlocked',
    ])
    assert.deepEqual(await of({ event_type: 'action_attempt.lock_door.succeeded' }), [], 'a multi-dot type Seam defines is a valid filter')
    assert.equal((await w.api('/events/list', { event_type: 'not.a_type' })).body.error.type, 'invalid_input')
    const latest = await w.api('/events/get', { device_id: device, event_type: 'lock.unlocked' })
    assert.equal(latest.body.event.event_id, unlocked.event_id)
  })

  test('customer_key: a webview created for a customer gives it the account it connects, and what the account holds', async () => {
    const { w, janeDevices } = await setUp()
    const view = (await w.api('/connect_webviews/create', { customer_key: 'acme' })).body.connect_webview
    assert.equal(view.customer_key, 'acme')
    assert.equal((await w.signIn(view.url, 'jane@example.com', '1234')).status, 200)
    const account = (await w.api('/connect_webviews/get', { connect_webview_id: view.connect_webview_id })).body.connect_webview
      .connected_account_id
    assert.equal((await w.api('/connected_accounts/get', { connected_account_id: account })).body.connected_account.customer_key, 'acme')
    const accounts = await list(w, '/connected_accounts/list', { customer_key: 'acme' }, 'connected_accounts')
    assert.deepEqual(
      accounts.map((a: { connected_account_id: string }) => a.connected_account_id),
      [account],
    )
    assert.deepEqual(ids(await list(w, '/devices/list', { customer_key: 'acme' }, 'devices')), ids(janeDevices))
    assert.deepEqual(ids(await list(w, '/locks/list', { customer_key: 'acme' }, 'locks')), ids(janeDevices))
    const views = await list(w, '/connect_webviews/list', { customer_key: 'acme' }, 'connect_webviews')
    assert.deepEqual(
      views.map((v: { connect_webview_id: string }) => v.connect_webview_id),
      [view.connect_webview_id],
    )
    const device = janeDevices[0]?.device_id
    const code = (await w.api('/access_codes/create', { device_id: device, code: '1357' })).body.access_code
    assert.deepEqual(
      (await list(w, '/access_codes/list', { device_id: device, customer_key: 'acme' }, 'access_codes')).map(
        (c: { access_code_id: string }) => c.access_code_id,
      ),
      [code.access_code_id],
    )
    assert.deepEqual(await list(w, '/access_codes/list', { device_id: device, customer_key: 'globex' }, 'access_codes'), [])
    const events = (await list(w, '/events/list', { customer_key: 'acme' }, 'events')) as { event_type: string }[]
    assert.ok(events.some((e) => e.event_type === 'access_code.created'))
    assert.deepEqual(await list(w, '/devices/list', { customer_key: 'globex' }, 'devices'), [])
    assert.deepEqual(await list(w, '/events/list', { customer_key: 'globex' }, 'events'), [])

    // Another customer's webview cannot take the account: the sign-in is refused and changes nothing.
    const other = (await w.api('/connect_webviews/create', { customer_key: 'globex' })).body.connect_webview
    const refused = await w.signIn(other.url, 'jane@example.com', '1234')
    assert.equal(refused.status, 409)
    assert.match(refused.text, /another customer/)
    assert.equal(
      (await w.api('/connect_webviews/get', { connect_webview_id: other.connect_webview_id })).body.connect_webview.status,
      'pending',
    )
    assert.equal((await w.api('/connected_accounts/get', { connected_account_id: account })).body.connected_account.customer_key, 'acme')
    // Someone else may still sign in through it.
    assert.equal((await w.signIn(other.url, 'john@example.com', '1234')).status, 200)
    assert.equal((await list(w, '/connected_accounts/list', { customer_key: 'globex' }, 'connected_accounts')).length, 1)
  })
})
