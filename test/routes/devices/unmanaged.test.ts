import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { janeInScopeJohnOutside } from '../../fixtures/jane-and-john.ts'
import { bearer } from '../../fixtures/world.ts'

const setUp = janeInScopeJohnOutside

const ids = (devices: { device_id: string }[]) => devices.map((d) => d.device_id)

describe('unmanaged devices', () => {
  test('devices/update is_managed: false moves the device to devices/unmanaged/*, in Seam’s reduced shape; is_managed: true brings it back', async () => {
    const { w, frontDoor } = await setUp()
    const managed = (await w.api('/devices/get', { device_id: frontDoor })).body.device
    const res = await w.api('/devices/update', { device_id: frontDoor, is_managed: false })
    assert.equal(res.status, 200, res.text)

    assert.ok(!ids((await w.api('/devices/list')).body.devices).includes(frontDoor))
    assert.ok(!ids((await w.api('/locks/list')).body.locks).includes(frontDoor))
    for (const path of ['/devices/get', '/locks/get', '/locks/unlock_door', '/access_codes/create']) {
      const refused = await w.api(path, { device_id: frontDoor, code: '1234' })
      assert.equal(refused.status, 404, path)
      assert.equal(refused.body.error.type, 'device_not_found', path)
    }

    const listed = (await w.api('/devices/unmanaged/list')).body
    assert.deepEqual(ids(listed.devices), [frontDoor])
    assert.equal(listed.pagination.has_next_page, false)
    const got = (await w.api('/devices/unmanaged/get', { device_id: frontDoor })).body.device
    assert.deepEqual(got, listed.devices[0])
    assert.equal(got.is_managed, false)
    assert.equal(got.device_type, managed.device_type)
    assert.equal(got.connected_account_id, managed.connected_account_id)
    assert.deepEqual(got.properties, {
      name: 'Front Door',
      online: true,
      model: managed.properties.model,
      manufacturer: managed.properties.manufacturer,
      image_url: managed.properties.image_url,
      image_alt_text: managed.properties.image_alt_text,
      battery_level: managed.properties.battery_level,
      battery: managed.properties.battery,
    })
    assert.equal('display_name' in got, false)
    const byName = await w.request({ method: 'GET', url: '/devices/unmanaged/get?name=Front%20Door', headers: w.as.apiKey })
    assert.equal(byName.body.device.device_id, frontDoor)
    const [converted] = (await w.api('/events/list', { event_type: 'device.converted_to_unmanaged' })).body.events
    assert.equal(converted.device_id, frontDoor)

    // A managed device is not an unmanaged one.
    const notUnmanaged = await w.api('/devices/unmanaged/update', {
      device_id: (await w.api('/devices/list')).body.devices[0].device_id,
      is_managed: true,
    })
    assert.equal(notUnmanaged.status, 404)
    assert.equal(notUnmanaged.body.error.type, 'device_not_found')

    const back = await w.api('/devices/unmanaged/update', { device_id: frontDoor, is_managed: true })
    assert.equal(back.status, 200, back.text)
    assert.ok(ids((await w.api('/devices/list')).body.devices).includes(frontDoor))
    assert.deepEqual((await w.api('/devices/unmanaged/list')).body.devices, [])
    assert.deepEqual((await w.api('/devices/get', { device_id: frontDoor })).body.device, managed)
    const [reconverted] = (await w.api('/events/list', { event_type: 'device.unmanaged.converted_to_managed' })).body.events
    assert.equal(reconverted.device_id, frontDoor)
  })

  test('parameters: is_managed false only on unmanaged/update is refused; custom_metadata is refused by name', async () => {
    const { w, frontDoor } = await setUp()
    await w.api('/devices/update', { device_id: frontDoor, is_managed: false })
    const wrong = await w.api('/devices/unmanaged/update', { device_id: frontDoor, is_managed: false })
    assert.equal(wrong.status, 400)
    assert.equal(wrong.body.error.type, 'invalid_input')
    const metadata = await w.api('/devices/unmanaged/update', { device_id: frontDoor, custom_metadata: { a: 'b' } })
    assert.equal(metadata.status, 400)
    assert.match(metadata.body.error.message, /custom_metadata/)
    assert.equal((await w.api('/devices/unmanaged/get', {})).body.error.type, 'invalid_input')
    assert.equal((await w.api('/devices/unmanaged/list')).body.devices.length, 1)
  })

  test('a simulated disconnect of an unmanaged device records device.unmanaged.disconnected', async () => {
    const { w, frontDoor } = await setUp()
    await w.api('/devices/update', { device_id: frontDoor, is_managed: false })
    assert.equal((await w.api('/devices/simulate/disconnect', { device_id: frontDoor })).status, 200)
    const got = (await w.api('/devices/unmanaged/get', { device_id: frontDoor })).body.device
    assert.equal(got.properties.online, false)
    assert.deepEqual(
      got.errors.map((e: { error_code: string }) => e.error_code),
      ['device_disconnected'],
    )
    const [event] = (await w.api('/events/list', { event_type: 'device.unmanaged.disconnected' })).body.events
    assert.equal(event.device_id, frontDoor)
    assert.equal(event.error_code, 'device_disconnected')
    assert.deepEqual((await w.api('/events/list', { event_type: 'device.disconnected' })).body.events, [])
  })

  test('client session tokens: devices/update and unmanaged/get within scope only; unmanaged/list and unmanaged/update refuse them', async () => {
    const { w, cst, frontDoor, office } = await setUp()
    const outside = await w.api('/devices/update', { device_id: office, is_managed: false }, cst)
    assert.equal(outside.status, 404)
    assert.ok(ids((await w.api('/devices/list')).body.devices).includes(office))
    assert.equal((await w.api('/devices/update', { device_id: frontDoor, is_managed: false }, cst)).status, 200)
    await w.api('/devices/update', { device_id: office, is_managed: false })

    assert.equal((await w.api('/devices/unmanaged/get', { device_id: frontDoor }, cst)).body.device.device_id, frontDoor)
    const hidden = await w.api('/devices/unmanaged/get', { device_id: office }, cst)
    assert.equal(hidden.status, 404)
    assert.equal(hidden.body.error.type, 'device_not_found')
    assert.equal((await w.api('/devices/unmanaged/list', {}, cst)).status, 401)
    assert.equal((await w.api('/devices/unmanaged/update', { device_id: frontDoor, is_managed: true }, cst)).status, 401)
    assert.equal((await w.api('/devices/unmanaged/list')).body.devices.length, 2)
    // Another workspace sees none of them.
    assert.deepEqual((await w.api('/devices/unmanaged/list', {}, bearer(w.other.api_key))).body.devices, [])
    assert.equal((await w.api('/devices/unmanaged/get', { device_id: frontDoor }, bearer(w.other.api_key))).status, 404)
  })
})

describe('devices/delete (undocumented, deprecated by Seam)', () => {
  test('deletes the device with DELETE or POST, records device.deleted; answers Seam’s {ok} shape', async () => {
    const { w, cst, frontDoor, office } = await setUp()
    const res = await w.request({ method: 'DELETE', url: `/devices/delete?device_id=${frontDoor}`, headers: w.as.apiKey })
    assert.equal(res.status, 200, res.text)
    // Validated by hand: Seam's document marks the route x-undocumented; its answer is `{ ok: true }`.
    assert.deepEqual(res.body, { ok: true })
    assert.equal((await w.api('/devices/get', { device_id: frontDoor })).status, 404)
    const [event] = (await w.api('/events/list', { event_type: 'device.deleted' })).body.events
    assert.equal(event.device_id, frontDoor)
    assert.equal(event.device_name, 'Front Door')
    assert.equal((await w.api('/devices/delete', { device_id: frontDoor })).body.error.type, 'device_not_found')
    assert.equal((await w.api('/devices/delete', { device_id: office }, cst)).status, 401)
    assert.equal((await w.api('/devices/delete', { device_id: office }, bearer(w.other.api_key))).status, 404)
  })
})

describe('devices/report_provider_metadata', () => {
  test('every device must exist; metadata of a provider that did not make the device is refused by name', async () => {
    const { w, frontDoor, office } = await setUp()
    const ok = await w.api('/devices/report_provider_metadata', { devices: [{ device_id: frontDoor }, { device_id: office }] })
    assert.equal(ok.status, 200, ok.text)
    const mismatch = await w.api('/devices/report_provider_metadata', {
      devices: [{ device_id: frontDoor, schlage_metadata: { time_zone: 'America/New_York' } }],
    })
    assert.equal(mismatch.status, 400)
    assert.equal(mismatch.body.error.type, 'invalid_input')
    assert.match(mismatch.body.error.message, /devices\.0\.schlage_metadata/)
    const zone = await w.api('/devices/report_provider_metadata', {
      devices: [{ device_id: frontDoor, omnitec_metadata: { time_zone: 'Mars/Olympus' } }],
    })
    assert.equal(zone.status, 400)
    assert.equal((await w.api('/devices/report_provider_metadata', { devices: [] })).status, 400)
    const gone = await w.api('/devices/report_provider_metadata', { devices: [{ device_id: frontDoor }] }, bearer(w.other.api_key))
    assert.equal(gone.status, 404)
    assert.equal(gone.body.error.type, 'device_not_found')
  })
  test('a session’s device_count counts the managed devices its devices/list shows', async () => {
    const { w, cst, frontDoor } = await setUp()
    const count = async () => (await w.api('/client_sessions/get', {}, cst)).body.client_session.device_count
    assert.equal(await count(), 3)
    assert.equal((await w.api('/devices/update', { device_id: frontDoor, is_managed: false })).status, 200)
    assert.equal((await w.api('/devices/list', {}, cst)).body.devices.length, 2)
    assert.equal(await count(), 2)
  })
})
