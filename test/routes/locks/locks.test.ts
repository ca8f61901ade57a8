import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { createWorld, type World } from '../../fixtures/world.ts'

/** Jane's three sandbox locks in a session's scope, and John's two outside it, in one workspace. */
const setUp = async () => {
  const w = await createWorld()
  const connect = async (email: string) => {
    const webview = (await w.api('/connect_webviews/create', {})).body.connect_webview
    await w.signIn(webview.url, email, '1234')
    return webview.connect_webview_id as string
  }
  const janeView = await connect('jane@example.com')
  await connect('john@example.com')
  const session = await w.session({ user_identifier_key: 'jane', connect_webview_ids: [janeView] })
  const cst = w.as.cst(session.token)
  const all = (await w.api('/devices/list')).body.devices as { device_id: string; display_name: string }[]
  const byName = (name: string) => {
    const found = all.find((d) => d.display_name === name)
    assert.ok(found, name)
    return found.device_id
  }
  return { w, cst, frontDoor: byName('Front Door'), office: byName('Office Door') }
}

const events = async (w: World, type: string) => (await w.api('/events/list', { event_type: type })).body.events

describe('locks', () => {
  test('unlock then lock: a pending attempt that reads back success, properties.locked flips, events recorded', async () => {
    const { w, cst, frontDoor } = await setUp()
    const unlock = await w.api('/locks/unlock_door', { device_id: frontDoor }, cst)
    assert.equal(unlock.status, 200)
    assert.equal(unlock.body.action_attempt.action_type, 'UNLOCK_DOOR')
    assert.equal(unlock.body.action_attempt.status, 'pending')
    const attempt = await w.api('/action_attempts/get', { action_attempt_id: unlock.body.action_attempt.action_attempt_id }, cst)
    assert.deepEqual(attempt.body.action_attempt, {
      action_attempt_id: unlock.body.action_attempt.action_attempt_id,
      action_type: 'UNLOCK_DOOR',
      status: 'success',
      result: { was_confirmed_by_device: true },
      error: null,
    })
    const lock = (await w.api('/locks/get', { device_id: frontDoor }, cst)).body
    assert.equal(lock.lock.properties.locked, false)
    assert.deepEqual(lock.device, lock.lock)

    w.clock.advance(1000)
    assert.equal((await w.api('/locks/lock_door', { device_id: frontDoor, sync: true }, cst)).body.action_attempt.status, 'success')
    assert.equal((await w.api('/devices/get', { device_id: frontDoor })).body.device.properties.locked, true)
    const [locked] = await events(w, 'lock.locked')
    const [unlocked] = await events(w, 'lock.unlocked')
    assert.equal(locked.device_id, frontDoor)
    assert.equal(locked.method, 'remote')
    assert.equal(unlocked.action_attempt_id, unlock.body.action_attempt.action_attempt_id)
    const listed = (await w.api('/action_attempts/list', { device_id: frontDoor })).body.action_attempts
    assert.deepEqual(
      listed.map((a: { action_type: string }) => a.action_type),
      ['LOCK_DOOR', 'UNLOCK_DOOR'],
    )
  })

  test('a client session token reaches only its scope: other locks and their attempts answer 404', async () => {
    const { w, cst, office } = await setUp()
    const names = (await w.api('/locks/list', {}, cst)).body.locks.map((l: { display_name: string }) => l.display_name).sort()
    assert.deepEqual(names, ['Back Door', 'Front Door', 'Garage Door'])
    assert.equal((await w.api('/locks/list')).body.locks.length, 5)
    for (const path of ['/locks/get', '/locks/lock_door', '/locks/unlock_door', '/access_codes/generate_code']) {
      const res = await w.api(path, { device_id: office }, cst)
      assert.equal(res.status, 404, path)
      assert.equal(res.body.error.type, 'device_not_found')
    }
    assert.equal((await w.api('/access_codes/create', { device_id: office, code: '1234' }, cst)).body.error.type, 'device_not_found')
    // The workspace's key drives it; the token still cannot see that attempt.
    const attempt = (await w.api('/locks/unlock_door', { device_id: office })).body.action_attempt
    const hidden = await w.api('/action_attempts/get', { action_attempt_id: attempt.action_attempt_id }, cst)
    assert.equal(hidden.status, 404)
    assert.equal(hidden.body.error.type, 'action_attempt_not_found')
    // Listing attempts is not a client session token's route (Seam's security list).
    assert.equal((await w.api('/action_attempts/list', { action_attempt_ids: [attempt.action_attempt_id] }, cst)).status, 401)
    // Nothing of another workspace, ever.
    assert.equal((await w.api('/locks/get', { device_id: office }, { authorization: `Bearer ${w.other.api_key}` })).status, 404)
  })

  test('devices/update renames; list_device_providers names the sandbox providers', async () => {
    const { w, cst, frontDoor, office } = await setUp()
    assert.deepEqual((await w.api('/devices/update', { device_id: frontDoor, name: 'Main door' }, cst)).body, { ok: true })
    const device = (await w.api('/devices/get', { device_id: frontDoor })).body.device
    assert.equal(device.display_name, 'Main door')
    assert.equal(device.properties.name, 'Main door')
    assert.equal((await w.api('/devices/update', { device_id: office, name: 'x' }, cst)).status, 404)
    assert.equal((await w.api('/devices/update', { device_id: frontDoor, name: '' })).body.error.type, 'invalid_input')
    const providers = (await w.api('/devices/list_device_providers', {}, cst)).body.device_providers
    assert.deepEqual(
      providers.map((p: { device_provider_name: string }) => p.device_provider_name),
      ['august', 'ecobee', 'minut', 'salto_space', 'salto_ks'],
    )
    assert.equal(device.device_provider.device_provider_name, 'august')
    assert.equal(device.properties.model.manufacturer_display_name, 'August')
  })
})

describe('access codes', () => {
  test('ongoing and time-bound codes: create, list, get, update, delete, with their events', async () => {
    const { w, cst, frontDoor } = await setUp()
    const created = await w.api('/access_codes/create', { device_id: frontDoor, name: 'Cleaner', code: '4821' }, cst)
    assert.equal(created.status, 200)
    const ongoing = created.body.access_code
    assert.equal(ongoing.type, 'ongoing')
    assert.equal(ongoing.status, 'set')
    assert.equal(created.body.action_attempt.action_type, 'CREATE_ACCESS_CODE')
    w.clock.advance(1000)

    const now = w.clock.now().getTime()
    const startsAt = new Date(now + 3_600_000).toISOString()
    const endsAt = new Date(now + 7_200_000).toISOString()
    const timed = (await w.api('/access_codes/create', { device_id: frontDoor, name: 'Guest', starts_at: startsAt, ends_at: endsAt }, cst))
      .body.access_code
    assert.equal(timed.type, 'time_bound')
    assert.match(timed.code, /^\d{4}$/, 'a code is generated when none is given')
    assert.equal(timed.status, 'unset')
    assert.equal(timed.starts_at, startsAt)
    w.clock.advance(3_600_000)
    assert.equal((await w.api('/access_codes/get', { access_code_id: timed.access_code_id }, cst)).body.access_code.status, 'set')

    const listed = (await w.api('/access_codes/list', { device_id: frontDoor }, cst)).body.access_codes
    assert.deepEqual(
      listed.map((c: { name: string }) => c.name),
      ['Guest', 'Cleaner'],
    )
    const update = await w.api('/access_codes/update', { access_code_id: ongoing.access_code_id, name: 'Cleaner (Tue)', code: '5555' }, cst)
    assert.equal(update.body.action_attempt.action_type, 'UPDATE_ACCESS_CODE')
    const changed = (await w.api('/access_codes/get', { access_code_id: ongoing.access_code_id })).body.access_code
    assert.deepEqual([changed.name, changed.code], ['Cleaner (Tue)', '5555'])
    const toOngoing = await w.api('/access_codes/update', { access_code_id: timed.access_code_id, type: 'ongoing' }, cst)
    assert.equal(toOngoing.status, 200)
    assert.equal((await w.api('/access_codes/get', { access_code_id: timed.access_code_id })).body.access_code.type, 'ongoing')

    assert.equal(
      (await w.api('/access_codes/delete', { access_code_id: ongoing.access_code_id }, cst)).body.action_attempt.action_type,
      'DELETE_ACCESS_CODE',
    )
    assert.equal((await w.api('/access_codes/get', { access_code_id: ongoing.access_code_id })).body.error.type, 'access_code_not_found')
    assert.equal((await events(w, 'access_code.created')).length, 2)
    assert.equal((await events(w, 'access_code.changed')).length, 2)
    const [deleted] = await events(w, 'access_code.deleted')
    assert.equal(deleted.code, '5555')
    assert.equal(deleted.access_code_id, ongoing.access_code_id)
  })

  test('a duplicate code on one lock or a bad time range answers 400 and stores nothing', async () => {
    const { w, frontDoor, office } = await setUp()
    await w.api('/access_codes/create', { device_id: frontDoor, code: '1234' })
    const duplicate = await w.api('/access_codes/create', { device_id: frontDoor, code: '1234' })
    assert.equal(duplicate.status, 400)
    assert.equal(duplicate.body.error.type, 'duplicate_access_code')
    assert.equal(
      (await w.api('/access_codes/create', { device_id: office, code: '1234' })).status,
      200,
      'another lock may hold the same code',
    )
    const second = (await w.api('/access_codes/create', { device_id: frontDoor, code: '9876' })).body.access_code
    assert.equal(
      (await w.api('/access_codes/update', { access_code_id: second.access_code_id, code: '1234' })).body.error.type,
      'duplicate_access_code',
    )

    const at = (ms: number) => new Date(w.clock.now().getTime() + ms).toISOString()
    for (const [body, field] of [
      [{ starts_at: at(7_200_000), ends_at: at(3_600_000) }, 'ends_at'],
      [{ starts_at: at(-7_200_000), ends_at: at(-3_600_000) }, 'ends_at'],
      [{ starts_at: at(3_600_000) }, 'ends_at'],
      [{ ends_at: at(3_600_000) }, 'starts_at'],
      [{ code: '12' }, 'code'],
      [{ code: '12ab' }, 'code'],
      [{ code: '123456789' }, 'code'],
    ] as const) {
      const res = await w.api('/access_codes/create', { device_id: frontDoor, ...body })
      assert.equal(res.status, 400, JSON.stringify(body))
      assert.equal(res.body.error.type, 'invalid_input')
      assert.ok(res.body.error.validation_errors[field], `${JSON.stringify(body)} names ${field}`)
    }
    const codes = (await w.api('/access_codes/list', { device_id: frontDoor })).body.access_codes
    assert.deepEqual(codes.map((c: { code: string }) => c.code).sort(), ['1234', '9876'])
    assert.equal((await w.api('/access_codes/list', {})).body.error.type, 'invalid_input')
  })

  test('generate_code suggests a free code without storing it; deleting the account removes its codes', async () => {
    const { w, cst, frontDoor } = await setUp()
    const generated = (await w.api('/access_codes/generate_code', { device_id: frontDoor }, cst)).body.generated_code
    assert.match(generated.code, /^\d{4}$/)
    assert.equal((await w.api('/access_codes/list', { device_id: frontDoor })).body.access_codes.length, 0)
    const code = (await w.api('/access_codes/create', { device_id: frontDoor, code: generated.code })).body.access_code
    const device = (await w.api('/devices/get', { device_id: frontDoor })).body.device
    await w.api('/connected_accounts/delete', { connected_account_id: device.connected_account_id })
    assert.equal((await w.api('/access_codes/get', { access_code_id: code.access_code_id })).status, 404)
  })
})
