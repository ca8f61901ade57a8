import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { bearer, createWorld, type World } from '../../fixtures/world.ts'

/** Jane's sandbox account (three locks) in a session's scope, and John's (two) beside it. */
const setUp = async () => {
  const w = await createWorld()
  const connect = async (email: string) => {
    const webview = (await w.api('/connect_webviews/create', {})).body.connect_webview
    await w.signIn(webview.url, email, '1234')
    const accounts = (await w.api('/connected_accounts/list')).body.connected_accounts as {
      connected_account_id: string
      user_identifier: { email: string }
    }[]
    const account = accounts.find((a) => a.user_identifier.email === email)
    assert.ok(account)
    return { webviewId: webview.connect_webview_id as string, accountId: account.connected_account_id }
  }
  const jane = await connect('jane@example.com')
  const john = await connect('john@example.com')
  const session = await w.session({ user_identifier_key: 'jane', connect_webview_ids: [jane.webviewId] })
  return { w, cst: w.as.cst(session.token), jane: jane.accountId, john: john.accountId }
}

const events = async (w: World, type: string) =>
  (await w.api('/events/list', { event_type: type })).body.events as Record<string, unknown>[]

describe('connected_accounts/simulate/disconnect', () => {
  test('account_disconnected on the account and each of its devices (offline), with Seam’s events', async () => {
    const { w, jane, john } = await setUp()
    const res = await w.api('/connected_accounts/simulate/disconnect', { connected_account_id: jane })
    assert.equal(res.status, 200, res.text)
    const account = (await w.api('/connected_accounts/get', { connected_account_id: jane })).body.connected_account
    assert.deepEqual(account.errors, [
      {
        error_code: 'account_disconnected',
        message: 'The connected account is disconnected; reconnect it through a Connect Webview.',
        created_at: w.clock.now().toISOString(),
        is_connected_account_error: true,
      },
    ])
    const devices = (await w.api('/devices/list', { connected_account_id: jane })).body.devices
    assert.equal(devices.length, 3)
    for (const d of devices) {
      assert.equal(d.properties.online, false)
      assert.deepEqual(d.errors, [
        {
          error_code: 'account_disconnected',
          message: 'The connected account is disconnected; reconnect it through a Connect Webview.',
          created_at: w.clock.now().toISOString(),
          is_device_error: false,
          is_connected_account_error: true,
        },
      ])
    }
    // John's account and devices are untouched.
    assert.deepEqual((await w.api('/connected_accounts/get', { connected_account_id: john })).body.connected_account.errors, [])
    for (const d of (await w.api('/devices/list', { connected_account_id: john })).body.devices) assert.equal(d.properties.online, true)

    const [disconnected, ...more] = await events(w, 'connected_account.disconnected')
    assert.equal(more.length, 0)
    assert.equal(disconnected?.connected_account_id, jane)
    assert.deepEqual(
      (disconnected?.connected_account_errors as { error_code: string }[]).map((e) => e.error_code),
      ['account_disconnected'],
    )
    const deviceEvents = await events(w, 'device.disconnected')
    assert.deepEqual(deviceEvents.map((e) => e.device_id).sort(), devices.map((d: { device_id: string }) => d.device_id).sort())
    for (const e of deviceEvents) {
      assert.equal(e.error_code, 'account_disconnected')
      assert.deepEqual(
        (e.connected_account_errors as { error_code: string }[]).map((x) => x.error_code),
        ['account_disconnected'],
      )
    }
    // Again: already disconnected, nothing more is recorded.
    assert.equal((await w.api('/connected_accounts/simulate/disconnect', { connected_account_id: jane })).status, 200)
    assert.equal((await events(w, 'connected_account.disconnected')).length, 1)
    assert.equal((await events(w, 'device.disconnected')).length, 3)
  })

  test('signing in again through a Connect Webview reconnects it: errors cleared, devices online, connected_account.connected', async () => {
    const { w, jane } = await setUp()
    await w.api('/connected_accounts/simulate/disconnect', { connected_account_id: jane })
    w.clock.advance(1000)
    const connectedBefore = (await events(w, 'connected_account.connected')).length
    const webview = (await w.api('/connect_webviews/create', {})).body.connect_webview
    assert.equal((await w.signIn(webview.url, 'jane@example.com', '1234')).status, 200)
    assert.deepEqual((await w.api('/connected_accounts/get', { connected_account_id: jane })).body.connected_account.errors, [])
    const devices = (await w.api('/devices/list', { connected_account_id: jane })).body.devices
    assert.equal(devices.length, 3)
    for (const d of devices) {
      assert.equal(d.properties.online, true)
      assert.deepEqual(d.errors, [])
    }
    const [reconnected] = await events(w, 'connected_account.connected')
    assert.equal(reconnected?.connected_account_id, jane)
    assert.equal((await events(w, 'connected_account.connected')).length, connectedBefore + 1)
    const deviceConnected = (await events(w, 'device.connected')).filter((e) => e.occurred_at === w.clock.now().toISOString())
    assert.equal(deviceConnected.length, 3)
  })

  test('errors: unknown account 404, another workspace 404, a client session token 401', async () => {
    const { w, cst, jane } = await setUp()
    const unknown = await w.api('/connected_accounts/simulate/disconnect', { connected_account_id: '00000000-0000-4000-8000-000000000000' })
    assert.equal(unknown.status, 404)
    assert.equal(unknown.body.error.type, 'connected_account_not_found')
    assert.equal(
      (await w.api('/connected_accounts/simulate/disconnect', { connected_account_id: jane }, bearer(w.other.api_key))).status,
      404,
    )
    assert.equal((await w.api('/connected_accounts/simulate/disconnect', { connected_account_id: jane }, cst)).status, 401)
    assert.deepEqual((await w.api('/connected_accounts/get', { connected_account_id: jane })).body.connected_account.errors, [])
  })
})

describe('connected_accounts/update and sync', () => {
  test('update sets display name, custom metadata (replaced whole), capabilities, new-device management and customer', async () => {
    const { w, jane } = await setUp()
    const res = await w.api('/connected_accounts/update', {
      connected_account_id: jane,
      display_name: 'Jane at the beach house',
      custom_metadata: { plan: 'gold', vip: true, gone: null },
      accepted_capabilities: ['lock', 'thermostat'],
      automatically_manage_new_devices: false,
      customer_key: 'customer-1',
    })
    assert.equal(res.status, 200, res.text)
    const updated = res.body.connected_account
    assert.equal(updated.display_name, 'Jane at the beach house')
    assert.deepEqual(updated.custom_metadata, { plan: 'gold', vip: true })
    assert.deepEqual(updated.accepted_capabilities, ['lock', 'thermostat'])
    assert.equal(updated.automatically_manage_new_devices, false)
    assert.equal(updated.customer_key, 'customer-1')
    assert.deepEqual((await w.api('/connected_accounts/get', { connected_account_id: jane })).body.connected_account, updated)

    const replaced = await w.request({
      method: 'PATCH',
      url: '/connected_accounts/update',
      payload: { connected_account_id: jane, custom_metadata: { floor: '2' } },
      headers: w.as.apiKey,
    })
    assert.deepEqual(replaced.body.connected_account.custom_metadata, { floor: '2' })
    assert.equal(replaced.body.connected_account.display_name, 'Jane at the beach house')

    const otherCustomer = await w.api('/connected_accounts/update', { connected_account_id: jane, customer_key: 'customer-2' })
    assert.equal(otherCustomer.status, 400)
    assert.equal(otherCustomer.body.error.type, 'connected_account_already_has_customer')
    assert.equal((await w.api('/connected_accounts/update', { connected_account_id: jane, customer_key: 'customer-1' })).status, 200)
    const badCapability = await w.api('/connected_accounts/update', { connected_account_id: jane, accepted_capabilities: ['teleport'] })
    assert.equal(badCapability.status, 400)
    assert.equal(badCapability.body.error.type, 'invalid_input')
    const tooLong = await w.api('/connected_accounts/update', { connected_account_id: jane, custom_metadata: { a: 'x'.repeat(501) } })
    assert.equal(tooLong.status, 400)
    assert.equal((await w.api('/connected_accounts/get', { connected_account_id: jane })).body.connected_account.custom_metadata.floor, '2')
  })

  test('credentials: keys only; scoped to the workspace', async () => {
    const { w, cst, jane } = await setUp()
    assert.equal((await w.api('/connected_accounts/update', { connected_account_id: jane, display_name: 'x' }, cst)).status, 401)
    assert.equal((await w.api('/connected_accounts/sync', { connected_account_id: jane }, cst)).status, 401)
    const other = await w.api('/connected_accounts/update', { connected_account_id: jane, display_name: 'x' }, bearer(w.other.api_key))
    assert.equal(other.status, 404)
    assert.equal(other.body.error.type, 'connected_account_not_found')
    assert.equal((await w.api('/connected_accounts/sync', { connected_account_id: jane })).status, 200)
    assert.equal((await w.api('/connected_accounts/sync', { connected_account_id: jane }, w.as.pat)).status, 200)
    const missing = await w.api('/connected_accounts/sync', { connected_account_id: jane }, bearer(w.other.api_key))
    assert.equal(missing.status, 404)
    assert.equal(missing.body.error.type, 'connected_account_not_found')
  })
})
