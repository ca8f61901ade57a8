import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import * as v1 from '@seamapi/http/connect'

import { createWorld, type World } from '../fixtures/world.ts'

type Sdk = typeof v1
// The v2 line, installed under an npm alias (see seam-http.test.ts).
const v2 = (await import('seamapi-http-v2/connect')) as unknown as Sdk

const HOUR = 3_600_000

/**
 * Thermostat schedules, daily programs and the weekly program as a property-management team's
 * back end and front end drive them: through the official SDK (v1 sends POST and PATCH, v2 GET,
 * PATCH and DELETE) against an in-process server, the clock moved by hand.
 */
const sdkSuite = (line: string, sdk: Sdk) =>
  describe(`thermostat schedules and programs through @seamapi/http ${line}`, () => {
    const { SeamHttp, SeamHttpApiError } = sdk
    let w: World
    let seam: InstanceType<Sdk['SeamHttp']>
    let frontEnd: InstanceType<Sdk['SeamHttp']>
    let livingRoom: string
    let guestSuite: string

    before(async () => {
      w = await createWorld({ manualDispose: true })
      const endpoint = await w.app.listen({ host: '127.0.0.1', port: 0 })
      seam = new SeamHttp({ apiKey: w.ws.api_key, endpoint })
      const jane = await seam.connectWebviews.create({ accepted_providers: ['ecobee'] })
      await w.signIn(jane.url, 'jane@example.com', '1234', { provider: 'ecobee' })
      const john = await seam.connectWebviews.create({ accepted_providers: ['ecobee'] })
      await w.signIn(john.url, 'john@example.com', '1234', { provider: 'ecobee' })
      const session = await seam.clientSessions.create({ user_identifier_key: 'jane', connect_webview_ids: [jane.connect_webview_id] })
      frontEnd = SeamHttp.fromClientSessionToken(session.token, { endpoint })
      const devices = await seam.devices.list()
      livingRoom = devices.find((d) => d.display_name === 'Living Room')?.device_id as string
      guestSuite = devices.find((d) => d.display_name === 'Guest Suite')?.device_id as string
      assert.ok(livingRoom && guestSuite)
    })
    after(() => w.dispose())

    const at = (hours: number) => new Date(w.clock.now().getTime() + hours * HOUR).toISOString()

    test('schedules.create, get, list, update and delete; the schedule’s preset takes effect by the clock, then the fallback', async () => {
      await seam.thermostats.setFallbackClimatePreset({ device_id: livingRoom, climate_preset_key: 'away' })
      const schedule = await seam.thermostats.schedules.create({
        device_id: livingRoom,
        name: 'Guest stay',
        climate_preset_key: 'home',
        starts_at: at(1),
        ends_at: at(3),
        is_override_allowed: true,
        max_override_period_minutes: 60,
      })
      assert.equal(schedule.climate_preset_key, 'home')
      const id = schedule.thermostat_schedule_id
      assert.deepEqual(await seam.thermostats.schedules.get({ thermostat_schedule_id: id }), schedule)
      assert.deepEqual(await frontEnd.thermostats.schedules.list({ device_id: livingRoom }), [schedule])
      await frontEnd.thermostats.schedules.update({ thermostat_schedule_id: id, name: 'Jim’s stay' })
      assert.equal((await seam.thermostats.schedules.get({ thermostat_schedule_id: id })).name, 'Jim’s stay')

      w.clock.advance(HOUR)
      const started = await seam.devices.get({ device_id: livingRoom })
      assert.equal(started.properties.active_thermostat_schedule_id, id)
      assert.equal(started.properties.current_climate_setting?.climate_preset_key, 'home')
      const [activated] = await seam.events.list({ device_id: livingRoom, event_type: 'thermostat.climate_preset_activated' })
      assert.ok(activated?.event_type === 'thermostat.climate_preset_activated')
      assert.equal(activated.thermostat_schedule_id, id)

      w.clock.advance(2 * HOUR)
      // thermostats/list applies the transition as devices/get does.
      const ended = (await frontEnd.thermostats.list()).find((d) => d.device_id === livingRoom)
      assert.ok(ended)
      assert.equal(ended.properties.current_climate_setting?.climate_preset_key, 'away')
      assert.equal(ended.properties.active_thermostat_schedule_id, null)

      await frontEnd.thermostats.schedules.delete({ thermostat_schedule_id: id })
      assert.deepEqual(await seam.thermostats.schedules.list({ device_id: livingRoom }), [])
    })

    test('dailyPrograms.create, update and delete; updateWeeklyProgram answers a succeeded PUSH_THERMOSTAT_PROGRAMS', async () => {
      const program = await frontEnd.thermostats.dailyPrograms.create({
        device_id: livingRoom,
        name: 'Workday',
        periods: [
          { starts_at_time: '07:00:00', climate_preset_key: 'home' },
          { starts_at_time: '09:00:00', climate_preset_key: 'away' },
        ],
      })
      const id = program.thermostat_daily_program_id
      const pushed = await frontEnd.thermostats.dailyPrograms.update({
        thermostat_daily_program_id: id,
        name: 'Early workday',
        periods: [{ starts_at_time: '06:00:00', climate_preset_key: 'home' }],
      })
      assert.equal(pushed.action_type, 'PUSH_THERMOSTAT_PROGRAMS')
      assert.equal(pushed.status, 'success')
      const weekly = await frontEnd.thermostats.updateWeeklyProgram({ device_id: livingRoom, monday_program_id: id, friday_program_id: id })
      assert.equal(weekly.action_type, 'PUSH_THERMOSTAT_PROGRAMS')
      assert.equal(weekly.status, 'success')
      const device = await seam.devices.get({ device_id: livingRoom })
      assert.equal(device.properties.thermostat_weekly_program?.monday_program_id, id)
      assert.equal(device.properties.thermostat_weekly_program?.tuesday_program_id, null)
      assert.deepEqual(
        device.properties.thermostat_daily_programs?.map((p) => p.name),
        ['Early workday'],
      )
      await frontEnd.thermostats.dailyPrograms.delete({ thermostat_daily_program_id: id })
      assert.deepEqual((await seam.devices.get({ device_id: livingRoom })).properties.thermostat_daily_programs, [])
    })

    test('the SDK raises Seam’s errors: a thermostat outside the session, a preset the thermostat lacks', async () => {
      await assert.rejects(
        frontEnd.thermostats.schedules.list({ device_id: guestSuite }),
        (error: unknown) => error instanceof SeamHttpApiError && error.code === 'device_not_found',
      )
      await assert.rejects(
        seam.thermostats.schedules.create({ device_id: livingRoom, climate_preset_key: 'party', starts_at: at(1), ends_at: at(2) }),
        (error: unknown) => error instanceof SeamHttpApiError && error.code === 'invalid_input',
      )
    })
  })

void sdkSuite('1.x', v1)
void sdkSuite('2.x', v2)
