import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { janeInScopeJohnOutside } from '../../fixtures/jane-and-john.ts'
import type { World } from '../../fixtures/world.ts'

const setUp = janeInScopeJohnOutside

const simulate = (w: World, deviceId: string, code: string, headers = w.as.apiKey) =>
  w.api('/access_codes/simulate/create_unmanaged_access_code', { device_id: deviceId, name: `PIN ${code}`, code }, headers)

const managedIds = async (w: World, deviceId: string) =>
  ((await w.api('/access_codes/list', { device_id: deviceId })).body.access_codes as { access_code_id: string }[]).map(
    (c) => c.access_code_id,
  )

const unmanagedIds = async (w: World, deviceId: string, headers = w.as.apiKey) =>
  ((await w.api('/access_codes/unmanaged/list', { device_id: deviceId }, headers)).body.access_codes as { access_code_id: string }[]).map(
    (c) => c.access_code_id,
  )

describe('unmanaged access codes', () => {
  test('a simulated unmanaged code appears only in access_codes/unmanaged/*, in Seam’s unmanaged shape', async () => {
    const { w, cst, frontDoor } = await setUp()
    const res = await simulate(w, frontDoor, '97531', cst)
    assert.equal(res.status, 200, res.text)
    const code = res.body.access_code
    assert.deepEqual(code, {
      access_code_id: code.access_code_id,
      workspace_id: w.ws.workspace_id,
      device_id: frontDoor,
      name: 'PIN 97531',
      code: '97531',
      type: 'ongoing',
      status: 'set',
      created_at: w.clock.now().toISOString(),
      is_managed: false,
      errors: [],
      warnings: [],
    })
    assert.deepEqual((await w.api('/access_codes/unmanaged/get', { access_code_id: code.access_code_id }, cst)).body.access_code, code)
    assert.deepEqual((await w.api('/access_codes/unmanaged/get', { device_id: frontDoor, code: '97531' })).body.access_code, code)
    assert.deepEqual(await unmanagedIds(w, frontDoor, cst), [code.access_code_id])
    // Never among the managed codes.
    assert.deepEqual(await managedIds(w, frontDoor), [])
    assert.equal((await w.api('/access_codes/get', { access_code_id: code.access_code_id })).status, 404)
    const [created] = (await w.api('/events/list', { event_type: 'access_code.unmanaged.created' })).body.events
    assert.equal(created.access_code_id, code.access_code_id)
    assert.equal(created.device_id, frontDoor)
  })

  test('list: search by name or code, paging, user_identifier_key scope', async () => {
    const { w, frontDoor, office } = await setUp()
    const ids = []
    for (const code of ['1111', '2222', '3333']) {
      ids.push((await simulate(w, frontDoor, code)).body.access_code.access_code_id)
      w.clock.advance(1000)
    }
    await simulate(w, office, '4444')
    assert.deepEqual(await unmanagedIds(w, frontDoor), [...ids].reverse())
    const found = (await w.api('/access_codes/unmanaged/list', { device_id: frontDoor, search: '222' })).body.access_codes
    assert.deepEqual(
      found.map((c: { code: string }) => c.code),
      ['2222'],
    )
    const first = (await w.api('/access_codes/unmanaged/list', { device_id: frontDoor, limit: 2 })).body
    assert.equal(first.access_codes.length, 2)
    assert.equal(first.pagination.has_next_page, true)
    const rest = await w.api('/access_codes/unmanaged/list', { device_id: frontDoor, page_cursor: first.pagination.next_page_cursor })
    assert.deepEqual(
      rest.body.access_codes.map((c: { access_code_id: string }) => c.access_code_id),
      [ids[0]],
    )
    const viaKey = await w.api('/access_codes/unmanaged/list', { device_id: office, user_identifier_key: 'jane' })
    assert.deepEqual(viaKey.body.access_codes, [])
    assert.equal((await w.api('/access_codes/unmanaged/list', {})).body.error.type, 'invalid_input')
  })

  test('convert_to_managed moves the code to access_codes/* under the same id; it leaves unmanaged/*', async () => {
    const { w, cst, frontDoor } = await setUp()
    const code = (await simulate(w, frontDoor, '97531')).body.access_code
    const res = await w.api('/access_codes/unmanaged/convert_to_managed', { access_code_id: code.access_code_id }, cst)
    assert.equal(res.status, 200, res.text)
    assert.deepEqual(res.body, { ok: true })
    assert.deepEqual(await unmanagedIds(w, frontDoor), [])
    assert.equal((await w.api('/access_codes/unmanaged/get', { access_code_id: code.access_code_id })).status, 404)
    const managed = (await w.api('/access_codes/get', { access_code_id: code.access_code_id }, cst)).body.access_code
    assert.equal(managed.code, '97531')
    assert.equal(managed.name, 'PIN 97531')
    assert.equal(managed.is_managed, true)
    assert.deepEqual(await managedIds(w, frontDoor), [code.access_code_id])
    const [converted] = (await w.api('/events/list', { event_type: 'access_code.unmanaged.converted_to_managed' })).body.events
    assert.equal(converted.access_code_id, code.access_code_id)
    // Converted once: a second conversion finds no unmanaged code.
    assert.equal((await w.api('/access_codes/unmanaged/convert_to_managed', { access_code_id: code.access_code_id })).status, 404)
    // Now managed, it can be changed like any managed code.
    assert.equal((await w.api('/access_codes/update', { access_code_id: code.access_code_id, name: 'Cleaner' })).status, 200)
  })

  test('update with is_managed: true converts; is_managed: false leaves it unmanaged', async () => {
    const { w, frontDoor } = await setUp()
    const code = (await simulate(w, frontDoor, '97531')).body.access_code
    const stay = await w.api('/access_codes/unmanaged/update', { access_code_id: code.access_code_id, is_managed: false })
    assert.equal(stay.status, 200, stay.text)
    assert.deepEqual(await unmanagedIds(w, frontDoor), [code.access_code_id])
    await w.request({
      method: 'PATCH',
      url: '/access_codes/unmanaged/update',
      payload: { access_code_id: code.access_code_id, is_managed: true },
      headers: w.as.apiKey,
    })
    assert.deepEqual(await unmanagedIds(w, frontDoor), [])
    assert.deepEqual(await managedIds(w, frontDoor), [code.access_code_id])
    const refused = await w.api('/access_codes/unmanaged/update', { access_code_id: code.access_code_id, is_managed: true, force: true })
    assert.equal(refused.body.error.type, 'invalid_input')
    assert.match(refused.body.error.message, /force/)
  })

  test('delete removes it from the lock: a DELETE_ACCESS_CODE attempt and access_code.unmanaged.removed', async () => {
    const { w, cst, frontDoor } = await setUp()
    const code = (await simulate(w, frontDoor, '97531')).body.access_code
    const res = await w.request({
      method: 'DELETE',
      url: `/access_codes/unmanaged/delete?access_code_id=${code.access_code_id}`,
      headers: cst,
    })
    assert.equal(res.status, 200, res.text)
    assert.equal(res.body.action_attempt.action_type, 'DELETE_ACCESS_CODE')
    assert.equal(res.body.action_attempt.status, 'success')
    assert.deepEqual(await unmanagedIds(w, frontDoor), [])
    const [removed] = (await w.api('/events/list', { event_type: 'access_code.unmanaged.removed' })).body.events
    assert.equal(removed.access_code_id, code.access_code_id)
    assert.equal((await w.api('/access_codes/unmanaged/delete', { access_code_id: code.access_code_id })).status, 404)
    // The code is free on the lock again.
    assert.equal((await simulate(w, frontDoor, '97531')).status, 200)
  })

  test('a lock never holds one code twice, managed or not', async () => {
    const { w, frontDoor, office } = await setUp()
    await w.api('/access_codes/create', { device_id: frontDoor, code: '4821' })
    assert.equal((await simulate(w, frontDoor, '4821')).body.error.type, 'duplicate_access_code')
    assert.equal((await simulate(w, frontDoor, '97531')).status, 200)
    assert.equal((await simulate(w, frontDoor, '97531')).body.error.type, 'duplicate_access_code')
    assert.equal((await simulate(w, office, '97531')).status, 200)
    assert.equal((await simulate(w, frontDoor, '123')).body.error.type, 'invalid_input')
    assert.equal((await unmanagedIds(w, frontDoor)).length, 1)
  })

  test('a client session token reaches only codes on its scope’s locks; another workspace reaches none', async () => {
    const { w, cst, office } = await setUp()
    const code = (await simulate(w, office, '97531')).body.access_code
    assert.equal((await simulate(w, office, '1234', cst)).body.error.type, 'device_not_found')
    for (const [path, body] of [
      ['/access_codes/unmanaged/get', { access_code_id: code.access_code_id }],
      ['/access_codes/unmanaged/get', { device_id: office, code: '97531' }],
      ['/access_codes/unmanaged/convert_to_managed', { access_code_id: code.access_code_id }],
      ['/access_codes/unmanaged/update', { access_code_id: code.access_code_id, is_managed: true }],
      ['/access_codes/unmanaged/delete', { access_code_id: code.access_code_id }],
    ] as const) {
      const res = await w.api(path, body, cst)
      assert.equal(res.status, 404, path)
      assert.equal(res.body.error.type, 'access_code_not_found', path)
    }
    assert.deepEqual(await unmanagedIds(w, office, cst), [])
    const otherKey = { authorization: `Bearer ${w.other.api_key}` }
    assert.equal((await w.api('/access_codes/unmanaged/get', { access_code_id: code.access_code_id }, otherKey)).status, 404)
    // Still there, still unmanaged.
    assert.deepEqual(await unmanagedIds(w, office), [code.access_code_id])
  })
  test('a lock holds a code once, managed or not: create and update refuse an unmanaged code’s value', async () => {
    const { w, frontDoor } = await setUp()
    assert.equal((await simulate(w, frontDoor, '5555')).status, 200)
    const created = await w.api('/access_codes/create', { device_id: frontDoor, code: '5555' })
    assert.equal(created.status, 400, created.text)
    assert.equal(created.body.error.type, 'duplicate_access_code')
    assert.deepEqual(await managedIds(w, frontDoor), [])
    const own = await w.api('/access_codes/create', { device_id: frontDoor, code: '6666' })
    assert.equal(own.status, 200, own.text)
    const updated = await w.api('/access_codes/update', { access_code_id: own.body.access_code.access_code_id, code: '5555' })
    assert.equal(updated.status, 400, updated.text)
    assert.equal(updated.body.error.type, 'duplicate_access_code')
    const codes = (await w.api('/access_codes/list', { device_id: frontDoor })).body.access_codes as { code: string }[]
    assert.deepEqual(
      codes.map((c) => c.code),
      ['6666'],
    )
  })

  test('a removed lock takes its unmanaged codes with it', async () => {
    const { w, frontDoor } = await setUp()
    const code = (await simulate(w, frontDoor, '97531')).body.access_code
    assert.equal((await w.api('/devices/simulate/remove', { device_id: frontDoor })).status, 200)
    assert.equal((await w.api('/access_codes/unmanaged/get', { access_code_id: code.access_code_id })).status, 404)
    const listed = await w.api('/access_codes/unmanaged/list', { device_id: frontDoor })
    assert.ok(listed.status === 404 || (listed.status === 200 && listed.body.access_codes.length === 0), listed.text)
  })
})
