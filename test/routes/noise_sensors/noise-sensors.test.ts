import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { provisionWorkspace } from '../../../src/domain/provisioning.ts'
import { bearer, createWorld, type World } from '../../fixtures/world.ts'

interface Threshold {
  noise_threshold_id: string
  device_id: string
  name: string
  starts_daily_at: string
  ends_daily_at: string
  noise_threshold_decibels: number
  noise_threshold_nrs?: number
}

/** Signs `email` in to Minut through a new webview; answers the webview's id and the account's sensors by name. */
const connectMinut = async (w: World, email: string) => {
  const webview = (await w.api('/connect_webviews/create', { accepted_providers: ['minut'] })).body.connect_webview
  const res = await w.signIn(webview.url, email, '1234', { code: '', provider: 'minut' })
  assert.equal(res.status, 200, res.text)
  const after = (await w.api('/connect_webviews/get', { connect_webview_id: webview.connect_webview_id })).body.connect_webview
  const devices = (await w.api('/devices/list', { connected_account_id: after.connected_account_id })).body.devices as {
    device_id: string
    display_name: string
  }[]
  const byName = (name: string) => {
    const found = devices.find((d) => d.display_name === name)
    assert.ok(found, name)
    return found.device_id
  }
  return { webviewId: webview.connect_webview_id as string, livingRoom: byName('Living Room'), bedroom: byName('Bedroom') }
}

const thresholdsOf = async (w: World, deviceId: string, headers = w.as.apiKey): Promise<Threshold[]> => {
  const res = await w.api('/noise_sensors/noise_thresholds/list', { device_id: deviceId }, headers)
  assert.equal(res.status, 200, res.text)
  return res.body.noise_thresholds
}

const deviceOf = async (w: World, deviceId: string) => (await w.api('/devices/get', { device_id: deviceId })).body.device

describe('noise sensors: Minut sensors and their thresholds', () => {
  test('a Minut sensor: Seam’s noise properties, no lock flag, Minut as provider; two default thresholds', async () => {
    const w = await createWorld()
    const { livingRoom } = await connectMinut(w, 'alice@example.com')
    const device = await deviceOf(w, livingRoom)
    assert.equal(device.device_type, 'minut_sensor')
    assert.deepEqual(device.capabilities_supported, ['noise_detection'])
    assert.equal(device.device_provider.device_provider_name, 'minut')
    for (const flag of [
      'can_remotely_lock',
      'can_remotely_unlock',
      'can_program_online_access_codes',
      'can_program_offline_access_codes',
      'can_unlock_with_code',
    ])
      assert.equal(flag in device, false, flag)
    const p = device.properties
    assert.equal(p.locked, undefined)
    assert.equal(p.manufacturer, 'minut')
    assert.equal(p.online, true)
    assert.equal(typeof p.noise_level_decibels, 'number')
    assert.deepEqual(p.currently_triggering_noise_threshold_ids, [])
    assert.equal(p.minut_metadata.device_name, 'Living Room')
    assert.equal(p.minut_metadata.latest_sensor_values.sound.value, p.noise_level_decibels)
    assert.equal(p.minut_metadata.latest_sensor_values.sound.time, w.clock.now().toISOString())
    assert.match(p.image_url, /^data:image\/svg\+xml;base64,/)

    const thresholds = await thresholdsOf(w, livingRoom)
    assert.deepEqual(
      thresholds.map(({ name, starts_daily_at, ends_daily_at, noise_threshold_decibels }) => ({
        name,
        starts_daily_at,
        ends_daily_at,
        noise_threshold_decibels,
      })),
      [
        {
          name: 'builtin_quiet_hours',
          starts_daily_at: '22:00:00[America/Los_Angeles]',
          ends_daily_at: '06:00:00[America/Los_Angeles]',
          noise_threshold_decibels: 70,
        },
        {
          name: 'builtin_normal_hours',
          starts_daily_at: '06:00:00[America/Los_Angeles]',
          ends_daily_at: '22:00:00[America/Los_Angeles]',
          noise_threshold_decibels: 75,
        },
      ],
    )
    for (const t of thresholds) assert.equal('noise_threshold_nrs' in t, false)
  })

  test('noise_sensors/list answers only noise sensors, under both keys, with devices/list’s filters', async () => {
    const w = await createWorld()
    const augustView = (await w.api('/connect_webviews/create', { accepted_providers: ['august'] })).body.connect_webview
    await w.signIn(augustView.url, 'jane@example.com', '1234')
    const { livingRoom, bedroom } = await connectMinut(w, 'alice@example.com')
    const res = await w.api('/noise_sensors/list', {})
    assert.equal(res.status, 200, res.text)
    const ids = res.body.noise_sensors.map((d: { device_id: string }) => d.device_id).sort()
    assert.deepEqual(ids, [livingRoom, bedroom].sort())
    assert.deepEqual(res.body.devices, res.body.noise_sensors)
    // A lock's type asked for by name still answers no lock.
    assert.deepEqual((await w.api('/noise_sensors/list', { device_types: ['august_lock'] })).body.noise_sensors, [])
    assert.equal((await w.api('/noise_sensors/list', { manufacturer: 'minut' })).body.noise_sensors.length, 2)
    assert.equal((await w.api('/noise_sensors/list', { device_ids: [bedroom] })).body.noise_sensors[0].display_name, 'Bedroom')
    const refused = await w.api('/noise_sensors/list', { space_id: '00000000-0000-4000-8000-000000000000' })
    assert.equal(refused.status, 400)
    assert.match(refused.body.error.message, /space_id/)
    // And devices/locks lists keep their meaning: locks/list has no sensor.
    const locks = (await w.api('/locks/list', {})).body.locks as { device_type: string }[]
    assert.ok(locks.length > 0 && locks.every((d) => d.device_type === 'august_lock'))
  })

  test('create, get, update (PUT and PATCH), delete: answers, action attempts, stored state', async () => {
    const w = await createWorld()
    const { livingRoom } = await connectMinut(w, 'alice@example.com')
    const created = await w.api('/noise_sensors/noise_thresholds/create', {
      device_id: livingRoom,
      name: 'Party curfew',
      starts_daily_at: '23:30',
      ends_daily_at: '07:00:00[Europe/Stockholm]',
      noise_threshold_decibels: 65,
    })
    assert.equal(created.status, 200, created.text)
    const threshold = created.body.noise_threshold as Threshold
    assert.deepEqual(threshold, {
      noise_threshold_id: threshold.noise_threshold_id,
      device_id: livingRoom,
      name: 'Party curfew',
      starts_daily_at: '23:30:00[UTC]',
      ends_daily_at: '07:00:00[Europe/Stockholm]',
      noise_threshold_decibels: 65,
    })
    assert.equal(created.body.action_attempt.action_type, 'CREATE_NOISE_THRESHOLD')
    assert.equal(created.body.action_attempt.status, 'pending')
    const attempt = (await w.api('/action_attempts/get', { action_attempt_id: created.body.action_attempt.action_attempt_id })).body
      .action_attempt
    assert.equal(attempt.status, 'success')
    assert.deepEqual(attempt.result, { noise_threshold: threshold })

    const got = await w.request({
      method: 'GET',
      url: `/noise_sensors/noise_thresholds/get?noise_threshold_id=${threshold.noise_threshold_id}`,
      headers: w.as.apiKey,
    })
    assert.equal(got.status, 200, got.text)
    assert.deepEqual(got.body.noise_threshold, threshold)

    const put = await w.request({
      method: 'PUT',
      url: '/noise_sensors/noise_thresholds/update',
      headers: w.as.apiKey,
      payload: { device_id: livingRoom, noise_threshold_id: threshold.noise_threshold_id, noise_threshold_decibels: 60 },
    })
    assert.equal(put.status, 200, put.text)
    assert.equal(put.body.action_attempt.action_type, 'UPDATE_NOISE_THRESHOLD')
    const patch = await w.request({
      method: 'PATCH',
      url: '/noise_sensors/noise_thresholds/update',
      headers: w.as.apiKey,
      payload: {
        device_id: livingRoom,
        noise_threshold_id: threshold.noise_threshold_id,
        name: 'Curfew',
        noise_threshold_nrs: 40,
        sync: true,
      },
    })
    assert.equal(patch.status, 200, patch.text)
    assert.equal(patch.body.action_attempt.status, 'success')
    const updated = { ...threshold, name: 'Curfew', noise_threshold_decibels: 60, noise_threshold_nrs: 40 }
    assert.deepEqual(patch.body.action_attempt.result, { noise_threshold: updated })
    assert.deepEqual(
      (await w.api('/noise_sensors/noise_thresholds/get', { noise_threshold_id: threshold.noise_threshold_id })).body.noise_threshold,
      updated,
    )

    const deleted = await w.request({
      method: 'DELETE',
      url: `/noise_sensors/noise_thresholds/delete?device_id=${livingRoom}&noise_threshold_id=${threshold.noise_threshold_id}`,
      headers: w.as.apiKey,
    })
    assert.equal(deleted.status, 200, deleted.text)
    assert.equal(deleted.body.action_attempt.action_type, 'DELETE_NOISE_THRESHOLD')
    const gone = await w.api('/noise_sensors/noise_thresholds/get', { noise_threshold_id: threshold.noise_threshold_id })
    assert.equal(gone.status, 404)
    assert.equal(gone.body.error.type, 'noise_threshold_not_found')
    assert.equal((await thresholdsOf(w, livingRoom)).length, 2)
  })

  test('two updates of different fields at once: both hold (each is merged with the threshold as stored)', async () => {
    const w = await createWorld()
    const { livingRoom } = await connectMinut(w, 'pair@example.com')
    const [quiet] = await thresholdsOf(w, livingRoom)
    assert.ok(quiet)
    const id = { device_id: livingRoom, noise_threshold_id: quiet.noise_threshold_id }
    const answers = await Promise.all([
      w.api('/noise_sensors/noise_thresholds/update', { ...id, name: 'Curfew' }),
      w.api('/noise_sensors/noise_thresholds/update', { ...id, noise_threshold_decibels: 61 }),
      w.api('/noise_sensors/noise_thresholds/update', { ...id, noise_threshold_nrs: 30 }),
    ])
    for (const res of answers) assert.equal(res.status, 200, res.text)
    const stored = (await w.api('/noise_sensors/noise_thresholds/get', { noise_threshold_id: quiet.noise_threshold_id })).body
      .noise_threshold
    assert.equal(stored.name, 'Curfew')
    assert.equal(stored.noise_threshold_decibels, 61)
    assert.equal(stored.noise_threshold_nrs, 30)
  })

  test('refusals: a bad time of day or zone, a threshold of another sensor, a lock, another workspace', async () => {
    const w = await createWorld()
    const { livingRoom, bedroom } = await connectMinut(w, 'alice@example.com')
    for (const starts of ['25:00', '22:00:00[Mars/Olympus_Mons]', 'ten pm']) {
      const res = await w.api('/noise_sensors/noise_thresholds/create', {
        device_id: livingRoom,
        starts_daily_at: starts,
        ends_daily_at: '06:00',
      })
      assert.equal(res.status, 400, starts)
      assert.equal(res.body.error.type, 'invalid_input')
      assert.match(res.body.error.message, /starts_daily_at/)
    }
    const [bedroomThreshold] = await thresholdsOf(w, bedroom)
    assert.ok(bedroomThreshold)
    const mismatched = await w.api('/noise_sensors/noise_thresholds/update', {
      device_id: livingRoom,
      noise_threshold_id: bedroomThreshold.noise_threshold_id,
      name: 'x',
    })
    assert.equal(mismatched.status, 404)
    assert.equal(mismatched.body.error.type, 'noise_threshold_not_found')

    const augustView = (await w.api('/connect_webviews/create', { accepted_providers: ['august'] })).body.connect_webview
    await w.signIn(augustView.url, 'jane@example.com', '1234')
    const [lock] = (await w.api('/locks/list', {})).body.locks as { device_id: string }[]
    assert.ok(lock)
    const notSensor = await w.api('/noise_sensors/noise_thresholds/list', { device_id: lock.device_id })
    assert.equal(notSensor.status, 400)
    assert.equal(notSensor.body.error.type, 'device_not_noise_sensor')
    // A sensor is no lock either.
    assert.equal((await w.api('/locks/lock_door', { device_id: livingRoom })).body.error.type, 'device_not_lock')

    const other = bearer(w.other.api_key)
    assert.equal((await w.api('/noise_sensors/noise_thresholds/list', { device_id: livingRoom }, other)).status, 404)
    assert.equal(
      (await w.api('/noise_sensors/noise_thresholds/get', { noise_threshold_id: bedroomThreshold.noise_threshold_id }, other)).status,
      404,
    )
    assert.equal((await w.api('/noise_sensors/simulate/trigger_noise_threshold', { device_id: livingRoom }, other)).status, 404)
  })

  test('simulate/trigger_noise_threshold: the threshold that applies by the clock triggers; level, Minut reading and event follow', async () => {
    const w = await createWorld()
    const { livingRoom } = await connectMinut(w, 'alice@example.com')
    const [quiet, normal] = await thresholdsOf(w, livingRoom)
    assert.ok(quiet && normal)
    // The clock starts at 02:00 in Los Angeles: quiet hours.
    const res = await w.api('/noise_sensors/simulate/trigger_noise_threshold', { device_id: livingRoom })
    assert.equal(res.status, 200, res.text)
    let device = await deviceOf(w, livingRoom)
    assert.deepEqual(device.properties.currently_triggering_noise_threshold_ids, [quiet.noise_threshold_id])
    assert.equal(device.properties.noise_level_decibels, 75)
    assert.equal(device.properties.minut_metadata.latest_sensor_values.sound.value, 75)
    const [event] = (await w.api('/events/list', { event_type: 'noise_sensor.noise_threshold_triggered', device_id: livingRoom })).body
      .events
    assert.ok(event)
    assert.equal(event.noise_threshold_id, quiet.noise_threshold_id)
    assert.equal(event.noise_threshold_name, 'builtin_quiet_hours')
    assert.equal(event.noise_level_decibels, 75)
    assert.equal(event.minut_metadata.latest_sensor_values.sound.value, 75)
    assert.equal(event.connected_account_id, device.connected_account_id)

    // Eight hours on it is 10:00 there: normal hours.
    w.clock.advance(8 * 3_600_000)
    await w.api('/noise_sensors/simulate/trigger_noise_threshold', { device_id: livingRoom })
    device = await deviceOf(w, livingRoom)
    assert.deepEqual(device.properties.currently_triggering_noise_threshold_ids, [quiet.noise_threshold_id, normal.noise_threshold_id])
    assert.equal(device.properties.noise_level_decibels, 80)

    // A deleted threshold no longer triggers.
    await w.api('/noise_sensors/noise_thresholds/delete', { device_id: livingRoom, noise_threshold_id: quiet.noise_threshold_id })
    device = await deviceOf(w, livingRoom)
    assert.deepEqual(device.properties.currently_triggering_noise_threshold_ids, [normal.noise_threshold_id])
    await w.api('/noise_sensors/noise_thresholds/delete', { device_id: livingRoom, noise_threshold_id: normal.noise_threshold_id })
    const none = await w.api('/noise_sensors/simulate/trigger_noise_threshold', { device_id: livingRoom })
    assert.equal(none.status, 400)
    assert.equal(none.body.error.type, 'no_noise_thresholds')
  })

  test('outside a sandbox workspace the simulation answers 400 workspace_not_sandbox', async () => {
    const w = await createWorld()
    const live = await provisionWorkspace(w.store, w.clock, { name: 'Production', isSandbox: false })
    await w.seedAccount(live.workspace_id, 1)
    const key = bearer(live.api_key)
    const [device] = (await w.api('/devices/list', {}, key)).body.devices as { device_id: string }[]
    assert.ok(device)
    const res = await w.api('/noise_sensors/simulate/trigger_noise_threshold', { device_id: device.device_id }, key)
    assert.equal(res.status, 400)
    assert.equal(res.body.error.type, 'workspace_not_sandbox')
  })

  test('credentials: a client session lists sensors and thresholds of its scope only, and nothing else', async () => {
    const w = await createWorld()
    const alice = await connectMinut(w, 'alice@example.com')
    const bob = await connectMinut(w, 'bob@example.com')
    const session = await w.session({ user_identifier_key: 'alice', connect_webview_ids: [alice.webviewId] })
    const cst = w.as.cst(session.token)
    const listed = (await w.api('/noise_sensors/list', {}, cst)).body.noise_sensors as { device_id: string }[]
    assert.deepEqual(listed.map((d) => d.device_id).sort(), [alice.livingRoom, alice.bedroom].sort())
    const [own] = await thresholdsOf(w, alice.livingRoom, cst)
    assert.ok(own)
    assert.equal((await w.api('/noise_sensors/noise_thresholds/list', { device_id: bob.livingRoom }, cst)).status, 404)
    for (const [path, body] of [
      ['/noise_sensors/noise_thresholds/get', { noise_threshold_id: own.noise_threshold_id }],
      ['/noise_sensors/noise_thresholds/create', { device_id: alice.livingRoom, starts_daily_at: '22:00', ends_daily_at: '06:00' }],
      ['/noise_sensors/noise_thresholds/update', { device_id: alice.livingRoom, noise_threshold_id: own.noise_threshold_id, name: 'x' }],
      ['/noise_sensors/noise_thresholds/delete', { device_id: alice.livingRoom, noise_threshold_id: own.noise_threshold_id }],
      ['/noise_sensors/simulate/trigger_noise_threshold', { device_id: alice.livingRoom }],
    ] as const) {
      const res = await w.api(path, body, cst)
      assert.equal(res.status, 401, path)
    }
    assert.equal((await thresholdsOf(w, alice.livingRoom)).length, 2)
  })

  test('thresholds go with their device: removed, its account deleted, the sandbox reset', async () => {
    const w = await createWorld()
    const { livingRoom, bedroom, webviewId } = await connectMinut(w, 'alice@example.com')
    const [threshold] = await thresholdsOf(w, livingRoom)
    assert.ok(threshold)
    await w.api('/devices/simulate/remove', { device_id: livingRoom })
    assert.equal((await w.api('/noise_sensors/noise_thresholds/get', { noise_threshold_id: threshold.noise_threshold_id })).status, 404)

    const [bedroomThreshold] = await thresholdsOf(w, bedroom)
    assert.ok(bedroomThreshold)
    const webview = (await w.api('/connect_webviews/get', { connect_webview_id: webviewId })).body.connect_webview
    await w.api('/connected_accounts/delete', { connected_account_id: webview.connected_account_id })
    assert.equal(
      (await w.api('/noise_sensors/noise_thresholds/get', { noise_threshold_id: bedroomThreshold.noise_threshold_id })).status,
      404,
    )

    const again = await connectMinut(w, 'carol@example.com')
    const [carols] = await thresholdsOf(w, again.livingRoom)
    assert.ok(carols)
    assert.equal((await w.api('/workspaces/reset_sandbox', {})).status, 200)
    assert.equal((await w.api('/noise_sensors/noise_thresholds/get', { noise_threshold_id: carols.noise_threshold_id })).status, 404)
  })
})
