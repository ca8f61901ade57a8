import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { provisionWorkspace } from '../../../src/domain/provisioning.ts'
import { janeInScopeJohnOutside } from '../../fixtures/jane-and-john.ts'
import { bearer, type World } from '../../fixtures/world.ts'

const setUp = janeInScopeJohnOutside

const events = async (w: World, type: string) => (await w.api('/events/list', { event_type: type })).body.events
const locked = async (w: World, deviceId: string) => (await w.api('/locks/get', { device_id: deviceId })).body.lock.properties.locked
const attempt = async (w: World, id: string) => (await w.api('/action_attempts/get', { action_attempt_id: id })).body.action_attempt

describe('locks/simulate/keypad_code_entry', () => {
  test('an active managed code on the lock unlocks it: lock.unlocked by keycode with the code’s id', async () => {
    const { w, frontDoor } = await setUp()
    const code = (await w.api('/access_codes/create', { device_id: frontDoor, name: 'Cleaner', code: '4821' })).body.access_code
    const res = await w.api('/locks/simulate/keypad_code_entry', { device_id: frontDoor, code: '4821' })
    assert.equal(res.status, 200, res.text)
    assert.equal(res.body.action_attempt.action_type, 'SIMULATE_KEYPAD_CODE_ENTRY')
    assert.equal(res.body.action_attempt.status, 'pending')
    const stored = await attempt(w, res.body.action_attempt.action_attempt_id)
    assert.deepEqual(
      { ...stored, action_attempt_id: undefined },
      {
        action_attempt_id: undefined,
        action_type: 'SIMULATE_KEYPAD_CODE_ENTRY',
        status: 'success',
        result: {},
        error: null,
      },
    )
    assert.equal(await locked(w, frontDoor), false)
    const [unlocked] = await events(w, 'lock.unlocked')
    assert.equal(unlocked.method, 'keycode')
    assert.equal(unlocked.access_code_id, code.access_code_id)
    assert.equal(unlocked.access_code_is_managed, true)
    assert.equal(unlocked.device_id, frontDoor)
    assert.equal(unlocked.action_attempt_id, res.body.action_attempt.action_attempt_id)
    assert.deepEqual(await events(w, 'lock.access_denied'), [])
  })

  test('a code the lock does not hold leaves it locked and records lock.access_denied (unknown_code)', async () => {
    const { w, frontDoor } = await setUp()
    await w.api('/access_codes/create', { device_id: frontDoor, code: '4821' })
    const res = await w.api('/locks/simulate/keypad_code_entry', { device_id: frontDoor, code: '1111' })
    assert.equal(res.status, 200, res.text)
    assert.equal((await attempt(w, res.body.action_attempt.action_attempt_id)).status, 'success')
    assert.equal(await locked(w, frontDoor), true)
    assert.deepEqual(await events(w, 'lock.unlocked'), [])
    const [denied] = await events(w, 'lock.access_denied')
    assert.equal(denied.device_id, frontDoor)
    assert.equal(denied.access_code_id, undefined)
    assert.equal(denied.reason.reason_code, 'unknown_code')
    assert.equal(typeof denied.connected_account_id, 'string')
  })

  test('a time-bound code works only inside its window: before it, denied; inside, unlocks; after, expired_code', async () => {
    const { w, frontDoor } = await setUp()
    const start = w.clock.now().getTime() + 3_600_000
    const code = (
      await w.api('/access_codes/create', {
        device_id: frontDoor,
        code: '2468',
        starts_at: new Date(start).toISOString(),
        ends_at: new Date(start + 3_600_000).toISOString(),
      })
    ).body.access_code
    await w.api('/locks/simulate/keypad_code_entry', { device_id: frontDoor, code: '2468' })
    assert.equal(await locked(w, frontDoor), true)
    const [early] = await events(w, 'lock.access_denied')
    assert.equal(early.access_code_id, code.access_code_id)
    assert.equal(early.reason.reason_code, 'unknown_code')

    w.clock.advance(3_600_000 + 1000)
    await w.api('/locks/simulate/keypad_code_entry', { device_id: frontDoor, code: '2468' })
    assert.equal(await locked(w, frontDoor), false)
    await w.api('/locks/lock_door', { device_id: frontDoor })

    w.clock.advance(3_600_000)
    await w.api('/locks/simulate/keypad_code_entry', { device_id: frontDoor, code: '2468' })
    assert.equal(await locked(w, frontDoor), true)
    const [late] = await events(w, 'lock.access_denied')
    assert.equal(late.reason.reason_code, 'expired_code')
  })

  test('an unmanaged code set on the lock unlocks it too; the event says it is not managed', async () => {
    const { w, frontDoor } = await setUp()
    const body = { device_id: frontDoor, name: 'Old PIN', code: '97531' }
    const unmanaged = (await w.api('/access_codes/simulate/create_unmanaged_access_code', body)).body.access_code
    await w.api('/locks/simulate/keypad_code_entry', { device_id: frontDoor, code: '97531' })
    assert.equal(await locked(w, frontDoor), false)
    const [unlocked] = await events(w, 'lock.unlocked')
    assert.equal(unlocked.access_code_id, unmanaged.access_code_id)
    assert.equal(unlocked.access_code_is_managed, false)
  })

  test('bad input is refused and changes nothing; a code on another lock does not open this one', async () => {
    const { w, frontDoor, office } = await setUp()
    await w.api('/access_codes/create', { device_id: office, code: '4821' })
    assert.equal((await w.api('/locks/simulate/keypad_code_entry', { device_id: frontDoor })).body.error.type, 'invalid_input')
    assert.equal((await w.api('/locks/simulate/keypad_code_entry', { device_id: 'nope', code: '1' })).body.error.type, 'invalid_input')
    await w.api('/locks/simulate/keypad_code_entry', { device_id: frontDoor, code: '4821' })
    assert.equal(await locked(w, frontDoor), true)
    assert.equal((await events(w, 'lock.access_denied')).length, 1)
  })
})

describe('locks/simulate/manual_lock_via_keypad', () => {
  test('locks the lock: lock.locked with method manual, a SIMULATE_MANUAL_LOCK_VIA_KEYPAD attempt', async () => {
    const { w, frontDoor } = await setUp()
    await w.api('/locks/unlock_door', { device_id: frontDoor })
    assert.equal(await locked(w, frontDoor), false)
    const res = await w.api('/locks/simulate/manual_lock_via_keypad', { device_id: frontDoor }, w.as.pat)
    assert.equal(res.status, 200, res.text)
    assert.equal(res.body.action_attempt.action_type, 'SIMULATE_MANUAL_LOCK_VIA_KEYPAD')
    assert.equal((await attempt(w, res.body.action_attempt.action_attempt_id)).status, 'success')
    assert.equal(await locked(w, frontDoor), true)
    const [event] = await events(w, 'lock.locked')
    assert.equal(event.method, 'manual')
    assert.equal(event.action_attempt_id, res.body.action_attempt.action_attempt_id)
  })
})

describe('simulate routes', () => {
  test('Seam lets only API keys and PATs drive the keypad: a client session token is refused', async () => {
    const { w, cst, frontDoor } = await setUp()
    assert.equal((await w.api('/locks/simulate/keypad_code_entry', { device_id: frontDoor, code: '1234' }, cst)).status, 401)
    assert.equal((await w.api('/locks/simulate/manual_lock_via_keypad', { device_id: frontDoor }, cst)).status, 401)
  })

  test('outside a sandbox workspace every simulate route answers 400 naming the reason, and changes nothing', async () => {
    const { w } = await setUp()
    const production = await provisionWorkspace(w.store, w.clock, { name: 'Production', isSandbox: false })
    await w.seedAccount(production.workspace_id, 1)
    const key = bearer(production.api_key)
    const [device] = (await w.api('/devices/list', {}, key)).body.devices
    for (const [path, body] of [
      ['/locks/simulate/keypad_code_entry', { device_id: device.device_id, code: '1234' }],
      ['/locks/simulate/manual_lock_via_keypad', { device_id: device.device_id }],
      ['/access_codes/simulate/create_unmanaged_access_code', { device_id: device.device_id, name: 'x', code: '1234' }],
    ] as const) {
      const res = await w.api(path, body, key)
      assert.equal(res.status, 400, path)
      assert.equal(res.body.error.type, 'workspace_not_sandbox', path)
      assert.match(res.body.error.message, /only available in a sandbox workspace/)
    }
    assert.deepEqual((await w.api('/events/list', {}, key)).body.events, [])
    assert.deepEqual((await w.api('/action_attempts/list', {}, key)).body.action_attempts, [])
  })
})

describe('locks/configure_auto_lock', () => {
  test('sets auto_lock_enabled and the delay on the lock; off keeps the lock reporting it off', async () => {
    const { w, cst, frontDoor } = await setUp()
    const res = await w.api(
      '/locks/configure_auto_lock',
      { device_id: frontDoor, auto_lock_enabled: true, auto_lock_delay_seconds: 30 },
      cst,
    )
    assert.equal(res.status, 200, res.text)
    assert.equal(res.body.action_attempt.action_type, 'CONFIGURE_AUTO_LOCK')
    assert.deepEqual((await attempt(w, res.body.action_attempt.action_attempt_id)).result, {})
    let properties = (await w.api('/devices/get', { device_id: frontDoor }, cst)).body.device.properties
    assert.equal(properties.auto_lock_enabled, true)
    assert.equal(properties.auto_lock_delay_seconds, 30)
    assert.equal(properties.locked, true)

    await w.api('/locks/configure_auto_lock', { device_id: frontDoor, auto_lock_enabled: false }, cst)
    properties = (await w.api('/devices/get', { device_id: frontDoor }, cst)).body.device.properties
    assert.equal(properties.auto_lock_enabled, false)
  })

  test('enabling needs a delay of 1 to 60 seconds; a lock outside the token’s scope answers 404; nothing changes', async () => {
    const { w, cst, frontDoor, office } = await setUp()
    for (const body of [
      { device_id: frontDoor, auto_lock_enabled: true },
      { device_id: frontDoor, auto_lock_enabled: true, auto_lock_delay_seconds: 61 },
      { device_id: frontDoor, auto_lock_enabled: false, auto_lock_delay_seconds: 10 },
    ]) {
      assert.equal((await w.api('/locks/configure_auto_lock', body, cst)).body.error.type, 'invalid_input', JSON.stringify(body))
    }
    const outside = await w.api(
      '/locks/configure_auto_lock',
      { device_id: office, auto_lock_enabled: true, auto_lock_delay_seconds: 5 },
      cst,
    )
    assert.equal(outside.status, 404)
    assert.equal(outside.body.error.type, 'device_not_found')
    for (const id of [frontDoor, office]) {
      assert.equal((await w.api('/devices/get', { device_id: id })).body.device.properties.auto_lock_enabled, undefined)
    }
    assert.deepEqual((await w.api('/action_attempts/list', {})).body.action_attempts, [])
  })
})
