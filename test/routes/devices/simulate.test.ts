import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { provisionWorkspace } from '../../../src/domain/provisioning.ts'
import { janeInScopeJohnOutside } from '../../fixtures/jane-and-john.ts'
import { bearer, createWorld, type World } from '../../fixtures/world.ts'

const setUp = janeInScopeJohnOutside

type Event = { event_type: string; device_id?: string; [field: string]: unknown }

const events = async (w: World, type: string): Promise<Event[]> => (await w.api('/events/list', { event_type: type })).body.events
const device = async (w: World, deviceId: string) => (await w.api('/devices/get', { device_id: deviceId })).body.device
const codes = (errors: { error_code: string }[]) => errors.map((e) => e.error_code)

describe('devices/simulate', () => {
  test('disconnect: offline with a device_disconnected error in Seam’s shape and device.disconnected; connect undoes it', async () => {
    const { w, frontDoor } = await setUp()
    const res = await w.api('/devices/simulate/disconnect', { device_id: frontDoor })
    assert.equal(res.status, 200, res.text)
    assert.deepEqual(res.body, { ok: true })
    const offline = await device(w, frontDoor)
    assert.equal(offline.properties.online, false)
    assert.deepEqual(offline.errors, [
      {
        error_code: 'device_disconnected',
        message: 'Device is disconnected.',
        created_at: w.clock.now().toISOString(),
        is_device_error: true,
      },
    ])
    const [disconnected, ...more] = await events(w, 'device.disconnected')
    assert.equal(more.length, 0)
    assert.equal(disconnected?.device_id, frontDoor)
    assert.equal(disconnected?.connected_account_id, offline.connected_account_id)
    assert.equal(disconnected?.error_code, 'device_disconnected')
    assert.deepEqual(codes(disconnected?.device_errors as { error_code: string }[]), ['device_disconnected'])
    assert.deepEqual(disconnected?.connected_account_errors, [])

    // Repeating it changes nothing and records nothing more.
    assert.equal((await w.api('/devices/simulate/disconnect', { device_id: frontDoor })).status, 200)
    assert.equal((await events(w, 'device.disconnected')).length, 1)

    const connectedBefore = (await events(w, 'device.connected')).length
    assert.equal((await w.api('/devices/simulate/connect', { device_id: frontDoor }, w.as.pat)).status, 200)
    const online = await device(w, frontDoor)
    assert.equal(online.properties.online, true)
    assert.deepEqual(online.errors, [])
    const connected = (await events(w, 'device.connected')).filter((e) => e.device_id === frontDoor)
    // Its sign-in's, and the one connect recorded.
    assert.equal(connected.length, 2)
    assert.equal((await events(w, 'device.connected')).length, connectedBefore + 1)
  })

  test('disconnect_from_hub / connect_to_hub: hub_disconnected keeps the device offline until both are cleared', async () => {
    const { w, frontDoor } = await setUp()
    assert.equal((await w.api('/devices/simulate/disconnect_from_hub', { device_id: frontDoor })).status, 200)
    let lock = await device(w, frontDoor)
    assert.equal(lock.properties.online, false)
    assert.deepEqual(codes(lock.errors), ['hub_disconnected'])
    assert.equal(lock.errors[0].is_device_error, true)
    const [hubEvent] = await events(w, 'device.disconnected')
    assert.equal(hubEvent?.error_code, 'hub_disconnected')

    // A second cause of being offline: no second event, and clearing one leaves the device offline.
    await w.api('/devices/simulate/disconnect', { device_id: frontDoor })
    assert.equal((await events(w, 'device.disconnected')).length, 1)
    const connectedBefore = (await events(w, 'device.connected')).length
    await w.api('/devices/simulate/connect_to_hub', { device_id: frontDoor })
    lock = await device(w, frontDoor)
    assert.deepEqual(codes(lock.errors), ['device_disconnected'])
    assert.equal(lock.properties.online, false)
    assert.equal((await events(w, 'device.connected')).length, connectedBefore)
    await w.api('/devices/simulate/connect', { device_id: frontDoor })
    lock = await device(w, frontDoor)
    assert.equal(lock.properties.online, true)
    assert.equal((await events(w, 'device.connected')).length, connectedBefore + 1)
  })

  test('paid_subscription: is_expired sets subscription_required (online stays), false resolves it', async () => {
    const { w, frontDoor } = await setUp()
    const expired = await w.api('/devices/simulate/paid_subscription', { device_id: frontDoor, is_expired: true })
    assert.equal(expired.status, 200, expired.text)
    let lock = await device(w, frontDoor)
    assert.deepEqual(codes(lock.errors), ['subscription_required'])
    assert.equal(lock.properties.online, true)
    const [required] = await events(w, 'device.error.subscription_required')
    assert.equal(required?.device_id, frontDoor)
    assert.deepEqual(codes(required?.device_errors as { error_code: string }[]), ['subscription_required'])
    assert.equal((await events(w, 'device.disconnected')).length, 0)

    await w.api('/devices/simulate/paid_subscription', { device_id: frontDoor, is_expired: false })
    lock = await device(w, frontDoor)
    assert.deepEqual(lock.errors, [])
    assert.equal((await events(w, 'device.error.subscription_required.resolved')).length, 1)
    const missing = await w.api('/devices/simulate/paid_subscription', { device_id: frontDoor })
    assert.equal(missing.status, 400)
    assert.equal(missing.body.error.type, 'invalid_input')
  })

  test('remove: the device and its access codes answer 404 everywhere; device.removed is recorded', async () => {
    const { w, cst, frontDoor } = await setUp()
    const code = (await w.api('/access_codes/create', { device_id: frontDoor, code: '4821' })).body.access_code
    const removed = await w.api('/devices/simulate/remove', { device_id: frontDoor })
    assert.equal(removed.status, 200, removed.text)
    for (const [path, headers] of [
      ['/devices/get', w.as.apiKey],
      ['/devices/get', cst],
      ['/locks/get', w.as.apiKey],
      ['/locks/unlock_door', w.as.apiKey],
      ['/devices/update', w.as.apiKey],
      ['/devices/unmanaged/get', w.as.apiKey],
      ['/devices/simulate/connect', w.as.apiKey],
      ['/devices/simulate/remove', w.as.apiKey],
    ] as const) {
      const res = await w.api(path, { device_id: frontDoor }, headers)
      assert.equal(res.status, 404, path)
      assert.equal(res.body.error.type, 'device_not_found', path)
    }
    assert.equal((await w.api('/access_codes/get', { access_code_id: code.access_code_id })).status, 404)
    const listed = (await w.api('/devices/list')).body.devices as { device_id: string }[]
    assert.ok(!listed.some((d) => d.device_id === frontDoor))
    const [event] = await events(w, 'device.removed')
    assert.equal(event?.device_id, frontDoor)
    assert.ok(event?.connected_account_id)
  })

  test('outside a sandbox workspace every simulate route answers 400 workspace_not_sandbox and changes nothing', async () => {
    const w = await createWorld()
    const live = await provisionWorkspace(w.store, w.clock, { name: 'Production', isSandbox: false })
    const account = await w.seedAccount(live.workspace_id, 1)
    const key = bearer(live.api_key)
    const [lock] = (await w.api('/devices/list', {}, key)).body.devices as { device_id: string }[]
    assert.ok(lock)
    for (const [path, body] of [
      ['/devices/simulate/connect', { device_id: lock.device_id }],
      ['/devices/simulate/disconnect', { device_id: lock.device_id }],
      ['/devices/simulate/remove', { device_id: lock.device_id }],
      ['/devices/simulate/connect_to_hub', { device_id: lock.device_id }],
      ['/devices/simulate/disconnect_from_hub', { device_id: lock.device_id }],
      ['/devices/simulate/paid_subscription', { device_id: lock.device_id, is_expired: true }],
      ['/connected_accounts/simulate/disconnect', { connected_account_id: account }],
    ] as const) {
      const res = await w.api(path, body, key)
      assert.equal(res.status, 400, path)
      assert.equal(res.body.error.type, 'workspace_not_sandbox', path)
      assert.match(res.body.error.message, /only available in a sandbox workspace/)
    }
    const after = (await w.api('/devices/get', { device_id: lock.device_id }, key)).body.device
    assert.equal(after.properties.online, true)
    assert.deepEqual(after.errors, [])
    assert.deepEqual((await w.api('/events/list', {}, key)).body.events, [])
  })

  test('credentials are Seam’s: a client session token is refused (Seam lists only customer sessions); another workspace’s device is 404', async () => {
    const { w, cst, frontDoor } = await setUp()
    for (const path of [
      '/devices/simulate/connect',
      '/devices/simulate/disconnect',
      '/devices/simulate/remove',
      '/devices/simulate/connect_to_hub',
      '/devices/simulate/disconnect_from_hub',
    ]) {
      const res = await w.api(path, { device_id: frontDoor }, cst)
      assert.equal(res.status, 401, path)
    }
    const other = await w.api('/devices/simulate/disconnect', { device_id: frontDoor }, bearer(w.other.api_key))
    assert.equal(other.status, 404)
    assert.equal(other.body.error.type, 'device_not_found')
    assert.equal((await device(w, frontDoor)).properties.online, true)
    const bad = await w.api('/devices/simulate/disconnect', { device_id: 'nope' })
    assert.equal(bad.status, 400)
    assert.equal(bad.body.error.type, 'invalid_input')
  })
})
