import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { sandboxLock } from '../../../src/sandbox/devices.ts'
import { janeInScopeJohnOutside } from '../../fixtures/jane-and-john.ts'
import { type World } from '../../fixtures/world.ts'

const setUp = janeInScopeJohnOutside

const hours = (w: World, from: number, to: number) => ({
  starts_at: new Date(w.clock.now().getTime() + from * 3_600_000).toISOString(),
  ends_at: new Date(w.clock.now().getTime() + to * 3_600_000).toISOString(),
})

const codesOn = async (w: World, deviceId: string) => (await w.api('/access_codes/list', { device_id: deviceId })).body.access_codes

describe('access_codes/create_multiple and update_multiple', () => {
  test('without a code: one shared generated code per lock, linked by a common_code_key', async () => {
    const { w, cst, frontDoor, backDoor } = await setUp()
    const res = await w.api('/access_codes/create_multiple', { device_ids: [frontDoor, backDoor], name: 'Guest', ...hours(w, 1, 2) }, cst)
    assert.equal(res.status, 200, res.text)
    const [front, back] = res.body.access_codes
    assert.deepEqual([front.device_id, back.device_id], [frontDoor, backDoor])
    assert.equal(front.code, back.code)
    assert.match(front.code, /^\d{4}$/)
    assert.match(front.common_code_key, /^auto_set_by_create_multiple_/)
    assert.equal(front.common_code_key, back.common_code_key)
    assert.equal(front.type, 'time_bound')
    assert.deepEqual((await codesOn(w, frontDoor))[0], front)
    assert.equal((await w.api('/events/list', { event_type: 'access_code.created' })).body.events.length, 2)
  })

  test('the shared code is one neither lock holds; preferred_code_length is honoured when every lock takes it', async () => {
    const { w, frontDoor, backDoor } = await setUp()
    await w.api('/access_codes/create', { device_id: frontDoor, code: '4821' })
    const res = await w.api('/access_codes/create_multiple', { device_ids: [frontDoor, backDoor], preferred_code_length: 6 })
    const [front] = res.body.access_codes
    assert.match(front.code, /^\d{6}$/)
    // A length no lock takes falls back to the shortest they all take.
    const short = await w.api('/access_codes/create_multiple', { device_ids: [frontDoor, backDoor], preferred_code_length: 12 })
    assert.match(short.body.access_codes[0].code, /^\d{4}$/)
  })

  test('with a code: each lock gets it and no key links them; a lock holding it fails the whole request unless create_random_code', async () => {
    const { w, frontDoor, backDoor } = await setUp()
    const same = (await w.api('/access_codes/create_multiple', { device_ids: [frontDoor, backDoor], code: '7777' })).body.access_codes
    assert.deepEqual(
      same.map((c: { code: string; common_code_key: string | null }) => [c.code, c.common_code_key]),
      [
        ['7777', null],
        ['7777', null],
      ],
    )
    await w.api('/access_codes/create', { device_id: backDoor, code: '5555' })
    const refused = await w.api('/access_codes/create_multiple', { device_ids: [frontDoor, backDoor], code: '5555' })
    assert.equal(refused.status, 400)
    assert.equal(refused.body.error.type, 'duplicate_access_code')
    assert.equal((await codesOn(w, frontDoor)).length, 1, 'nothing was created')
    const mixed = await w.api('/access_codes/create_multiple', {
      device_ids: [frontDoor, backDoor],
      code: '5555',
      behavior_when_code_cannot_be_shared: 'create_random_code',
    })
    assert.equal(mixed.status, 200, mixed.text)
    const [front, back] = mixed.body.access_codes
    assert.equal(front.code, '5555')
    assert.notEqual(back.code, '5555')
  })

  test('bad input is refused by name and changes nothing; a lock outside the token’s scope answers 404', async () => {
    const { w, cst, frontDoor, office } = await setUp()
    for (const body of [
      { device_ids: [] },
      { device_ids: [frontDoor], code: '12' },
      { device_ids: [frontDoor], use_backup_access_code_pool: true },
      { device_ids: [frontDoor], ...hours(w, 2, 1) },
    ]) {
      assert.equal((await w.api('/access_codes/create_multiple', body)).body.error.type, 'invalid_input', JSON.stringify(body))
    }
    const outside = await w.api('/access_codes/create_multiple', { device_ids: [frontDoor, office] }, cst)
    assert.equal(outside.body.error.type, 'device_not_found')
    assert.deepEqual(await codesOn(w, frontDoor), [])
  })

  test('update_multiple changes every linked code’s name and window together, within the caller’s scope', async () => {
    const { w, cst, frontDoor, backDoor, office } = await setUp()
    const created = (await w.api('/access_codes/create_multiple', { device_ids: [frontDoor, backDoor, office], name: 'Guest' })).body
    const key = created.access_codes[0].common_code_key
    const window = hours(w, 1, 3)
    const res = await w.api('/access_codes/update_multiple', { common_code_key: key, name: 'Guest (week)', ...window }, cst)
    assert.equal(res.status, 200, res.text)
    assert.deepEqual(res.body, { ok: true })
    for (const deviceId of [frontDoor, backDoor]) {
      const [code] = await codesOn(w, deviceId)
      assert.equal(code.name, 'Guest (week)')
      assert.equal(code.starts_at, window.starts_at)
      assert.equal(code.ends_at, window.ends_at)
    }
    // The office lock is outside the token's scope: its code is untouched.
    assert.equal((await codesOn(w, office))[0].name, 'Guest')
    assert.equal((await w.api('/events/list', { event_type: 'access_code.changed' })).body.events.length, 2)
    await w.request({
      method: 'PATCH',
      url: '/access_codes/update_multiple',
      payload: { common_code_key: key, name: 'All' },
      headers: w.as.apiKey,
    })
    assert.equal((await codesOn(w, office))[0].name, 'All')
    assert.equal(
      (await w.api('/access_codes/update_multiple', { common_code_key: 'nope', name: 'x' })).body.error.type,
      'access_code_not_found',
    )
    const half = await w.api('/access_codes/update_multiple', { common_code_key: key, starts_at: window.starts_at })
    assert.equal(half.body.error.type, 'invalid_input')
  })
})

describe('access_codes/pull_backup_access_code', () => {
  test('a time-bound code gets a backup code of its own for the same window; pulling again answers the same one', async () => {
    const { w, cst, frontDoor } = await setUp()
    assert.equal((await w.api('/devices/get', { device_id: frontDoor })).body.device.properties.supports_backup_access_code_pool, true)
    const code = (await w.api('/access_codes/create', { device_id: frontDoor, name: 'Guest', ...hours(w, 1, 2) })).body.access_code
    const res = await w.api('/access_codes/pull_backup_access_code', { access_code_id: code.access_code_id }, cst)
    assert.equal(res.status, 200, res.text)
    const { access_code: answered, backup_access_code: backup } = res.body
    assert.deepEqual(answered, backup)
    assert.notEqual(backup.access_code_id, code.access_code_id)
    assert.notEqual(backup.code, code.code)
    assert.equal(backup.device_id, frontDoor)
    assert.equal(backup.starts_at, code.starts_at)
    assert.equal(backup.ends_at, code.ends_at)
    assert.equal((await codesOn(w, frontDoor)).length, 2)
    const [pulled] = (await w.api('/events/list', { event_type: 'access_code.backup_access_code_pulled' })).body.events
    assert.equal(pulled.access_code_id, code.access_code_id)
    assert.equal(pulled.backup_access_code_id, backup.access_code_id)
    const again = await w.api('/access_codes/pull_backup_access_code', { access_code_id: code.access_code_id })
    assert.equal(again.body.backup_access_code.access_code_id, backup.access_code_id)
    assert.equal((await codesOn(w, frontDoor)).length, 2)
  })

  test('only time-bound codes have backups; a code outside the token’s scope answers 404', async () => {
    const { w, cst, office } = await setUp()
    const ongoing = (await w.api('/access_codes/create', { device_id: office, code: '4821' })).body.access_code
    const refused = await w.api('/access_codes/pull_backup_access_code', { access_code_id: ongoing.access_code_id })
    assert.equal(refused.status, 400)
    assert.equal(refused.body.error.type, 'invalid_input')
    const timed = (await w.api('/access_codes/create', { device_id: office, ...hours(w, 1, 2) })).body.access_code
    const outside = await w.api('/access_codes/pull_backup_access_code', { access_code_id: timed.access_code_id }, cst)
    assert.equal(outside.body.error.type, 'access_code_not_found')
    assert.equal((await codesOn(w, office)).length, 2)
  })
  test('a lock without a backup pool answers backup_access_code_pool_not_supported', async () => {
    const { w } = await setUp()
    const accountId = await w.seedAccount(w.ws.workspace_id)
    const lock = sandboxLock(w.ws.workspace_id, accountId, 'Shed', w.clock.now().toISOString())
    await w.store.insertDevice({ ...lock, properties: { ...lock.properties, supports_backup_access_code_pool: false } })
    const code = (await w.api('/access_codes/create', { device_id: lock.deviceId, ...hours(w, 1, 2) })).body.access_code
    const res = await w.api('/access_codes/pull_backup_access_code', { access_code_id: code.access_code_id })
    assert.equal(res.status, 400)
    assert.equal(res.body.error.type, 'backup_access_code_pool_not_supported')
    assert.equal((await codesOn(w, lock.deviceId)).length, 1)
  })
})

describe('access_codes/report_device_constraints', () => {
  test('stores the reported code lengths on the lock; generated shared codes then use them', async () => {
    const { w, cst, frontDoor } = await setUp()
    const res = await w.api('/access_codes/report_device_constraints', { device_id: frontDoor, supported_code_lengths: [6, 8] }, cst)
    assert.equal(res.status, 200, res.text)
    assert.deepEqual(res.body, { ok: true })
    const properties = async () => (await w.api('/devices/get', { device_id: frontDoor })).body.device.properties
    assert.deepEqual((await properties()).supported_code_lengths, [6, 8])
    const [code] = (await w.api('/access_codes/create_multiple', { device_ids: [frontDoor] })).body.access_codes
    assert.match(code.code, /^\d{6}$/)
    await w.api('/access_codes/report_device_constraints', { device_id: frontDoor, min_code_length: 5, max_code_length: 7 })
    assert.deepEqual((await properties()).supported_code_lengths, [5, 6, 7])
  })

  test('the reported code lengths are what access_codes/create and update then take', async () => {
    const { w, frontDoor } = await setUp()
    await w.api('/access_codes/report_device_constraints', { device_id: frontDoor, supported_code_lengths: [9] })
    const refused = await w.api('/access_codes/create', { device_id: frontDoor, code: '1234' })
    assert.equal(refused.status, 400, refused.text)
    assert.equal(refused.body.error.type, 'invalid_input')
    const taken = await w.api('/access_codes/create', { device_id: frontDoor, code: '123456789' })
    assert.equal(taken.status, 200, taken.text)
    const generated = await w.api('/access_codes/create', { device_id: frontDoor })
    assert.match(generated.body.access_code.code, /^\d{9}$/)
  })

  test('one form or the other, lengths 4 to 20, min not above max; out of scope 404; nothing changes', async () => {
    const { w, cst, frontDoor, office } = await setUp()
    for (const body of [
      { device_id: frontDoor },
      { device_id: frontDoor, supported_code_lengths: [4], min_code_length: 4 },
      { device_id: frontDoor, supported_code_lengths: [3] },
      { device_id: frontDoor, min_code_length: 8, max_code_length: 6 },
      { device_id: frontDoor, max_code_length: 21 },
    ]) {
      assert.equal((await w.api('/access_codes/report_device_constraints', body)).body.error.type, 'invalid_input', JSON.stringify(body))
    }
    const outside = await w.api('/access_codes/report_device_constraints', { device_id: office, supported_code_lengths: [6] }, cst)
    assert.equal(outside.body.error.type, 'device_not_found')
    for (const id of [frontDoor, office]) {
      assert.deepEqual((await w.api('/devices/get', { device_id: id })).body.device.properties.supported_code_lengths, [4, 5, 6, 7, 8])
    }
  })
})
