import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { eventsOf, thermostat, janesThermostats } from '../../fixtures/thermostats.ts'
import type { World } from '../../fixtures/world.ts'

const HOUR = 3_600_000
/** An ISO time this many hours from the world's clock. */
const inHours = (w: World, hours: number) => new Date(w.clock.now().getTime() + hours * HOUR).toISOString()

const setFallback = async (w: World, deviceId: string, key: string) => {
  const res = await w.api('/thermostats/set_fallback_climate_preset', { device_id: deviceId, climate_preset_key: key })
  assert.equal(res.status, 200, res.text)
}

const create = async (w: World, body: Record<string, unknown>, headers = w.as.apiKey) => {
  const res = await w.api('/thermostats/schedules/create', body, headers)
  assert.equal(res.status, 200, res.text)
  return res.body.thermostat_schedule
}

describe('thermostats/schedules: create, get, list, update, delete', () => {
  test('create answers the schedule; get and list (GET and POST) answer it too', async () => {
    const { w, livingRoom } = await janesThermostats()
    const startsAt = inHours(w, 2)
    const endsAt = inHours(w, 5)
    const schedule = await create(w, {
      device_id: livingRoom,
      name: "Jim's stay",
      climate_preset_key: 'home',
      starts_at: startsAt,
      ends_at: endsAt,
      is_override_allowed: true,
      max_override_period_minutes: 90,
    })
    assert.deepEqual(
      { ...schedule, thermostat_schedule_id: undefined },
      {
        thermostat_schedule_id: undefined,
        workspace_id: w.ws.workspace_id,
        device_id: livingRoom,
        name: "Jim's stay",
        climate_preset_key: 'home',
        starts_at: startsAt,
        ends_at: endsAt,
        is_override_allowed: true,
        max_override_period_minutes: 90,
        created_at: w.clock.now().toISOString(),
        errors: [],
      },
    )
    const id = schedule.thermostat_schedule_id
    const got = await w.request({ method: 'GET', url: `/thermostats/schedules/get?thermostat_schedule_id=${id}`, headers: w.as.apiKey })
    assert.deepEqual(got.body.thermostat_schedule, schedule)
    const listed = await w.request({ method: 'GET', url: `/thermostats/schedules/list?device_id=${livingRoom}`, headers: w.as.apiKey })
    assert.deepEqual(listed.body.thermostat_schedules, [schedule])
    assert.deepEqual((await w.api('/thermostats/schedules/list', { device_id: livingRoom })).body.thermostat_schedules, [schedule])
  })

  test('the preset takes effect at starts_at and the fallback at ends_at, by the clock, each with thermostat.climate_preset_activated', async () => {
    const { w, livingRoom } = await janesThermostats()
    await setFallback(w, livingRoom, 'away')
    const before = await thermostat(w, livingRoom)
    const startsAt = inHours(w, 1)
    const endsAt = inHours(w, 3)
    const schedule = await create(w, { device_id: livingRoom, climate_preset_key: 'sleep', starts_at: startsAt, ends_at: endsAt })

    w.clock.advance(HOUR - 1)
    const waiting = await thermostat(w, livingRoom)
    assert.deepEqual(waiting.properties.current_climate_setting, before.properties.current_climate_setting)
    assert.equal(waiting.properties.active_thermostat_schedule_id, null)
    assert.deepEqual(await eventsOf(w, 'thermostat.climate_preset_activated'), [])

    w.clock.advance(1)
    const started = await thermostat(w, livingRoom)
    assert.equal(started.properties.current_climate_setting.climate_preset_key, 'sleep')
    assert.equal(started.properties.current_climate_setting.heating_set_point_fahrenheit, 64)
    assert.equal(started.properties.active_thermostat_schedule_id, schedule.thermostat_schedule_id)
    assert.equal(started.properties.active_thermostat_schedule.thermostat_schedule_id, schedule.thermostat_schedule_id)
    // The schedule's override rule (not allowed, by default) is the setting's while it is in effect.
    assert.equal(started.properties.current_climate_setting.manual_override_allowed, false)

    w.clock.advance(2 * HOUR + 60_000)
    // thermostats/list applies the transition as devices/get does.
    const listed = (await w.api('/thermostats/list')).body.thermostats.find((d: { device_id: string }) => d.device_id === livingRoom)
    assert.equal(listed.properties.current_climate_setting.climate_preset_key, 'away')
    assert.equal(listed.properties.active_thermostat_schedule_id, null)
    assert.equal(listed.properties.active_thermostat_schedule, null)
    assert.equal(listed.properties.current_climate_setting.manual_override_allowed, true)

    const activated = await eventsOf(w, 'thermostat.climate_preset_activated')
    assert.deepEqual(
      activated.map((e) => [e.occurred_at, e.climate_preset_key, e.thermostat_schedule_id, e.is_fallback_climate_preset, e.device_id]),
      [
        [startsAt, 'sleep', schedule.thermostat_schedule_id, false, livingRoom],
        [endsAt, 'away', null, true, livingRoom],
      ],
    )
  })

  test('a schedule whose start has passed takes effect when created', async () => {
    const { w, livingRoom } = await janesThermostats()
    const schedule = await create(w, {
      device_id: livingRoom,
      climate_preset_key: 'away',
      starts_at: inHours(w, -1),
      ends_at: inHours(w, 1),
    })
    const device = await thermostat(w, livingRoom)
    assert.equal(device.properties.current_climate_setting.climate_preset_key, 'away')
    assert.equal(device.properties.active_thermostat_schedule_id, schedule.thermostat_schedule_id)
    const [event] = await eventsOf(w, 'thermostat.climate_preset_activated')
    assert.equal(event?.occurred_at, schedule.created_at)
  })

  test('overlapping schedules: the later start wins; when it ends the earlier one still in effect resumes', async () => {
    const { w, livingRoom } = await janesThermostats()
    await setFallback(w, livingRoom, 'away')
    const stay = await create(w, { device_id: livingRoom, climate_preset_key: 'home', starts_at: inHours(w, 1), ends_at: inHours(w, 10) })
    const nap = await create(w, { device_id: livingRoom, climate_preset_key: 'sleep', starts_at: inHours(w, 2), ends_at: inHours(w, 3) })
    w.clock.advance(2.5 * HOUR)
    assert.equal((await thermostat(w, livingRoom)).properties.active_thermostat_schedule_id, nap.thermostat_schedule_id)
    w.clock.advance(HOUR)
    const resumed = await thermostat(w, livingRoom)
    assert.equal(resumed.properties.active_thermostat_schedule_id, stay.thermostat_schedule_id)
    assert.equal(resumed.properties.current_climate_setting.climate_preset_key, 'home')
    w.clock.advance(10 * HOUR)
    assert.equal((await thermostat(w, livingRoom)).properties.current_climate_setting.climate_preset_key, 'away')
    const keys = (await eventsOf(w, 'thermostat.climate_preset_activated')).map((e) => e.climate_preset_key)
    assert.deepEqual(keys, ['home', 'sleep', 'home', 'away'])
  })

  test('a change asked for after a schedule started (nothing read meanwhile) is not overtaken by that start', async () => {
    const { w, livingRoom } = await janesThermostats()
    const startsAt = inHours(w, 1)
    await create(w, { device_id: livingRoom, climate_preset_key: 'sleep', starts_at: startsAt, ends_at: inHours(w, 5) })
    w.clock.advance(2 * HOUR)
    const heat = await w.api('/thermostats/heat', { device_id: livingRoom, heating_set_point_fahrenheit: 71 })
    assert.equal(heat.status, 200, heat.text)
    const device = await thermostat(w, livingRoom)
    assert.equal(device.properties.current_climate_setting.hvac_mode_setting, 'heat')
    assert.equal(device.properties.current_climate_setting.heating_set_point_fahrenheit, 71)
    const [activated] = await eventsOf(w, 'thermostat.climate_preset_activated')
    assert.equal(activated?.occurred_at, startsAt)
    assert.equal((await eventsOf(w, 'thermostat.climate_preset_activated')).length, 1)
  })

  test('a schedule whose preset was deleted meanwhile starts without changing the setting, and reads still answer', async () => {
    const { w, livingRoom } = await janesThermostats()
    const preset = {
      device_id: livingRoom,
      climate_preset_key: 'guests',
      name: 'Guests',
      hvac_mode_setting: 'heat',
      heating_set_point_fahrenheit: 70,
    }
    assert.equal((await w.api('/thermostats/create_climate_preset', preset)).status, 200)
    const schedule = await create(w, {
      device_id: livingRoom,
      climate_preset_key: 'guests',
      starts_at: inHours(w, 1),
      ends_at: inHours(w, 2),
    })
    assert.equal((await w.api('/thermostats/delete_climate_preset', { device_id: livingRoom, climate_preset_key: 'guests' })).status, 200)
    const before = (await thermostat(w, livingRoom)).properties.current_climate_setting
    w.clock.advance(HOUR)
    const device = await thermostat(w, livingRoom)
    assert.deepEqual(device.properties.current_climate_setting, before)
    assert.equal(device.properties.active_thermostat_schedule_id, schedule.thermostat_schedule_id)
    assert.deepEqual(await eventsOf(w, 'thermostat.climate_preset_activated'), [])
  })

  test('readers at once apply a due transition once: one event, whoever reads', async () => {
    const { w, livingRoom, cst } = await janesThermostats()
    await create(w, { device_id: livingRoom, climate_preset_key: 'sleep', starts_at: inHours(w, 1), ends_at: inHours(w, 2) })
    w.clock.advance(HOUR)
    const reads = await Promise.all([
      w.api('/devices/get', { device_id: livingRoom }),
      w.api('/devices/list', {}),
      w.api('/thermostats/list', {}, cst),
      w.api('/devices/get', { device_id: livingRoom }, cst),
    ])
    for (const read of reads) assert.equal(read.status, 200, read.text)
    assert.equal((await eventsOf(w, 'thermostat.climate_preset_activated')).length, 1)
  })

  test('update (PATCH) renames without touching a schedule in effect; new times take it off and apply it anew', async () => {
    const { w, livingRoom } = await janesThermostats()
    await setFallback(w, livingRoom, 'away')
    const schedule = await create(w, {
      device_id: livingRoom,
      climate_preset_key: 'sleep',
      starts_at: inHours(w, -1),
      ends_at: inHours(w, 2),
    })
    const id = schedule.thermostat_schedule_id
    w.clock.advance(60_000)
    const renamed = await w.request({
      method: 'PATCH',
      url: '/thermostats/schedules/update',
      payload: { thermostat_schedule_id: id, name: 'Nap', is_override_allowed: true },
      headers: w.as.apiKey,
    })
    assert.equal(renamed.status, 200, renamed.text)
    assert.deepEqual(renamed.body, { ok: true })
    const got = (await w.api('/thermostats/schedules/get', { thermostat_schedule_id: id })).body.thermostat_schedule
    assert.equal(got.name, 'Nap')
    assert.equal(got.is_override_allowed, true)
    assert.equal((await eventsOf(w, 'thermostat.climate_preset_activated')).length, 1)
    // The thermostat reports the schedule in effect as it now is.
    const amended = await thermostat(w, livingRoom)
    assert.equal(amended.properties.active_thermostat_schedule.name, 'Nap')
    assert.equal(amended.properties.active_thermostat_schedule.is_override_allowed, true)
    assert.equal(amended.properties.current_climate_setting.manual_override_allowed, true)

    const moved = await w.api('/thermostats/schedules/update', {
      thermostat_schedule_id: id,
      starts_at: inHours(w, 1),
      ends_at: inHours(w, 4),
    })
    assert.equal(moved.status, 200, moved.text)
    const off = await thermostat(w, livingRoom)
    assert.equal(off.properties.active_thermostat_schedule_id, null)
    assert.equal(off.properties.current_climate_setting.climate_preset_key, 'away')
    w.clock.advance(HOUR)
    const again = await thermostat(w, livingRoom)
    assert.equal(again.properties.active_thermostat_schedule_id, id)
    assert.equal(again.properties.current_climate_setting.climate_preset_key, 'sleep')
    const keys = (await eventsOf(w, 'thermostat.climate_preset_activated')).map((e) => e.climate_preset_key)
    assert.deepEqual(keys, ['sleep', 'away', 'sleep'])
  })

  test('delete (DELETE) of the schedule in effect hands over to the fallback; the schedule is gone', async () => {
    const { w, livingRoom } = await janesThermostats()
    await setFallback(w, livingRoom, 'away')
    const schedule = await create(w, {
      device_id: livingRoom,
      climate_preset_key: 'sleep',
      starts_at: inHours(w, -1),
      ends_at: inHours(w, 2),
    })
    const id = schedule.thermostat_schedule_id
    const res = await w.request({
      method: 'DELETE',
      url: `/thermostats/schedules/delete?thermostat_schedule_id=${id}`,
      headers: w.as.apiKey,
    })
    assert.equal(res.status, 200, res.text)
    assert.deepEqual(res.body, { ok: true })
    const device = await thermostat(w, livingRoom)
    assert.equal(device.properties.current_climate_setting.climate_preset_key, 'away')
    assert.equal(device.properties.active_thermostat_schedule_id, null)
    const missing = await w.api('/thermostats/schedules/get', { thermostat_schedule_id: id })
    assert.equal(missing.status, 404)
    assert.equal(missing.body.error.type, 'thermostat_schedule_not_found')
    const again = await w.api('/thermostats/schedules/delete', { thermostat_schedule_id: id })
    assert.equal(again.status, 404)
    assert.equal(again.body.error.type, 'thermostat_schedule_not_found')
  })
})

describe('thermostats/schedules: what is refused', () => {
  test('a preset the thermostat lacks, an end not after the start, an end already past, a start taken, a malformed time', async () => {
    const { w, livingRoom } = await janesThermostats()
    const base = { device_id: livingRoom, climate_preset_key: 'home', starts_at: inHours(w, 1), ends_at: inHours(w, 2) }
    await create(w, base)
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, climate_preset_key: 'party', starts_at: inHours(w, 3) }, 'climate_preset_key'],
      [{ ...base, starts_at: inHours(w, 5), ends_at: inHours(w, 4) }, 'ends_at'],
      [{ ...base, starts_at: inHours(w, 5), ends_at: inHours(w, 5) }, 'ends_at'],
      [{ ...base, starts_at: inHours(w, -3), ends_at: inHours(w, -2) }, 'ends_at'],
      [{ ...base, ends_at: inHours(w, 6) }, 'starts_at'],
      [{ ...base, starts_at: 'tomorrow' }, 'starts_at'],
      [{ ...base, starts_at: inHours(w, 3), max_override_period_minutes: 0 }, 'max_override_period_minutes'],
    ]
    for (const [body, field] of cases) {
      const res = await w.api('/thermostats/schedules/create', body)
      assert.equal(res.status, 400, `${field}: ${res.text}`)
      assert.equal(res.body.error.type, 'invalid_input')
      assert.ok(res.body.error.validation_errors[field], `${field}: ${res.text}`)
    }
    assert.equal((await w.api('/thermostats/schedules/list', { device_id: livingRoom })).body.thermostat_schedules.length, 1)
    const update = await w.api('/thermostats/schedules/update', {
      thermostat_schedule_id: (await w.api('/thermostats/schedules/list', { device_id: livingRoom })).body.thermostat_schedules[0]
        .thermostat_schedule_id,
      climate_preset_key: 'party',
    })
    assert.equal(update.status, 400)
    assert.ok(update.body.error.validation_errors.climate_preset_key)
  })

  test('a frontDoor is not a thermostat; an unknown device or schedule is not found; user_identifier_key is refused by name', async () => {
    const { w, livingRoom, frontDoor } = await janesThermostats()
    const onLock = await w.api('/thermostats/schedules/create', {
      device_id: frontDoor,
      climate_preset_key: 'home',
      starts_at: inHours(w, 1),
      ends_at: inHours(w, 2),
    })
    // As every thermostat route answers for a device that is no thermostat.
    assert.equal(onLock.status, 404)
    assert.equal(onLock.body.error.type, 'device_not_found')
    const unknown = '00000000-0000-4000-8000-000000000000'
    assert.equal((await w.api('/thermostats/schedules/list', { device_id: unknown })).body.error.type, 'device_not_found')
    assert.equal(
      (await w.api('/thermostats/schedules/get', { thermostat_schedule_id: unknown })).body.error.type,
      'thermostat_schedule_not_found',
    )
    assert.equal(
      (await w.api('/thermostats/schedules/update', { thermostat_schedule_id: unknown })).body.error.type,
      'thermostat_schedule_not_found',
    )
    const filtered = await w.api('/thermostats/schedules/list', { device_id: livingRoom, user_identifier_key: 'jane' })
    assert.equal(filtered.status, 400)
    assert.match(filtered.body.error.message, /user_identifier_key/)
  })
})

describe('thermostats/schedules: credentials and lifetime', () => {
  test("a client session reaches its scope's thermostats and their schedules, and nothing outside it", async () => {
    const { w, cst, upstairs, guestSuite } = await janesThermostats()
    const times = { climate_preset_key: 'home', starts_at: inHours(w, 1), ends_at: inHours(w, 2) }
    const mine = await create(w, { device_id: upstairs, ...times }, cst)
    assert.equal((await w.api('/thermostats/schedules/list', { device_id: upstairs }, cst)).body.thermostat_schedules.length, 1)
    const patched = await w.api('/thermostats/schedules/update', { thermostat_schedule_id: mine.thermostat_schedule_id, name: 'x' }, cst)
    assert.equal(patched.status, 200, patched.text)

    const theirs = await create(w, { device_id: guestSuite, ...times })
    const outside = [
      await w.api('/thermostats/schedules/create', { device_id: guestSuite, ...times, starts_at: inHours(w, 1.5) }, cst),
      await w.api('/thermostats/schedules/list', { device_id: guestSuite }, cst),
    ]
    for (const res of outside) assert.equal(res.body.error.type, 'device_not_found')
    for (const path of ['get', 'update', 'delete']) {
      const res = await w.api(`/thermostats/schedules/${path}`, { thermostat_schedule_id: theirs.thermostat_schedule_id }, cst)
      assert.equal(res.status, 404, path)
      assert.equal(res.body.error.type, 'thermostat_schedule_not_found', path)
    }
    // The publishable key is no credential for these routes.
    assert.equal((await w.api('/thermostats/schedules/list', { device_id: upstairs }, w.as.publishable('jane'))).status, 401)
    // Nor does another workspace's key reach them.
    const other = { authorization: `Bearer ${w.other.api_key}` }
    assert.equal((await w.api('/thermostats/schedules/get', { thermostat_schedule_id: mine.thermostat_schedule_id }, other)).status, 404)
  })

  test("a thermostat's schedules go with it, with its connected account, and with a sandbox reset", async () => {
    const { w, livingRoom, upstairs, guestSuite } = await janesThermostats()
    const times = { climate_preset_key: 'home', starts_at: inHours(w, 1), ends_at: inHours(w, 2) }
    await create(w, { device_id: livingRoom, ...times })
    await create(w, { device_id: guestSuite, ...times })
    const account = (await w.api('/devices/get', { device_id: guestSuite })).body.device.connected_account_id
    assert.equal((await w.api('/connected_accounts/delete', { connected_account_id: account })).status, 200)
    assert.deepEqual(await w.store.listThermostatSchedules(w.ws.workspace_id, guestSuite), [])
    assert.equal((await w.store.listThermostatSchedules(w.ws.workspace_id, livingRoom)).length, 1)
    const upstairsSchedule = await create(w, { device_id: upstairs, ...times })
    assert.equal((await w.api('/devices/delete', { device_id: upstairs })).status, 200)
    assert.deepEqual(await w.store.listThermostatSchedules(w.ws.workspace_id, upstairs), [])
    assert.equal(await w.store.getThermostatSchedule(w.ws.workspace_id, upstairsSchedule.thermostat_schedule_id), undefined)
    assert.equal((await w.api('/workspaces/reset_sandbox', {})).status, 200)
    assert.deepEqual(await w.store.listThermostatSchedules(w.ws.workspace_id, livingRoom), [])
  })

  test("a workspace's deletion takes its thermostats' schedules and daily programs", async () => {
    const { w, livingRoom } = await janesThermostats()
    const schedule = await create(w, {
      device_id: livingRoom,
      climate_preset_key: 'home',
      starts_at: inHours(w, 1),
      ends_at: inHours(w, 2),
    })
    const periods = [{ starts_at_time: '07:00:00', climate_preset_key: 'home' }]
    const program = (await w.api('/thermostats/daily_programs/create', { device_id: livingRoom, name: 'Workday', periods })).body
      .thermostat_daily_program
    assert.equal(await w.store.deleteWorkspace(w.ws.workspace_id), true)
    assert.equal(await w.store.getThermostatSchedule(w.ws.workspace_id, schedule.thermostat_schedule_id), undefined)
    assert.equal(await w.store.getThermostatDailyProgram(w.ws.workspace_id, program.thermostat_daily_program_id), undefined)
  })
})
