import assert from 'node:assert/strict'

import type { Response, World } from '../fixtures/world.ts'

/** The contract test's `call`: a route by its first method, its 200 answer validated against Seam's schema. */
type Call = (path: string, body?: Record<string, unknown>, headers?: Record<string, string>) => Promise<Response['body']>

/**
 * Every thermostat schedule and program route, called as the contract test calls the others, with
 * a client session (Seam lets one call them all). A schedule already started shows the thermostat
 * with its preset and schedule in effect; the device is read back at each step and validated too.
 */
export const callThermostatProgramRoutes = async (w: World, call: Call): Promise<void> => {
  const webview = (await w.api('/connect_webviews/create', { accepted_providers: ['ecobee'] })).body.connect_webview
  assert.equal((await w.signIn(webview.url, 'jane@example.com', '1234', { provider: 'ecobee' })).status, 200)
  const session = (
    await call('/client_sessions/create', { user_identifier_key: 'jane-programs', connect_webview_ids: [webview.connect_webview_id] })
  ).client_session
  const cst = w.as.cst(session.token)
  const device_id = ((await call('/thermostats/list', {}, cst)).thermostats[0] as { device_id: string }).device_id
  const hours = (n: number) => new Date(w.clock.now().getTime() + n * 3_600_000).toISOString()

  await call('/thermostats/set_fallback_climate_preset', { device_id, climate_preset_key: 'away' })
  const body = { device_id, name: 'Stay', climate_preset_key: 'home', starts_at: hours(-1), ends_at: hours(2), is_override_allowed: true }
  const schedule = (await call('/thermostats/schedules/create', body, cst)).thermostat_schedule
  const thermostat_schedule_id = schedule.thermostat_schedule_id as string
  await call('/thermostats/schedules/get', { thermostat_schedule_id }, cst)
  await call('/thermostats/schedules/list', { device_id }, cst)
  await call('/devices/get', { device_id }, cst)
  await call('/thermostats/schedules/update', { thermostat_schedule_id, max_override_period_minutes: 30 }, cst)
  w.clock.advance(3 * 3_600_000)
  await call('/thermostats/list', {}, cst)
  await call('/thermostats/schedules/delete', { thermostat_schedule_id }, cst)

  const periods = [{ starts_at_time: '07:00:00', climate_preset_key: 'home' }]
  const program = (await call('/thermostats/daily_programs/create', { device_id, name: 'Workday', periods }, cst)).thermostat_daily_program
  const thermostat_daily_program_id = program.thermostat_daily_program_id as string
  await call('/thermostats/daily_programs/update', { thermostat_daily_program_id, name: 'Workday', periods }, cst)
  await call('/thermostats/update_weekly_program', { device_id, monday_program_id: thermostat_daily_program_id }, cst)
  await call('/devices/get', { device_id }, cst)
  await call('/thermostats/daily_programs/delete', { thermostat_daily_program_id }, cst)

  const events = (await call('/events/list', { device_id, event_type: 'thermostat.climate_preset_activated' })).events as {
    thermostat_schedule_id: string | null
    is_fallback_climate_preset: boolean
  }[]
  assert.ok(events.some((e) => e.thermostat_schedule_id === thermostat_schedule_id && !e.is_fallback_climate_preset))
  assert.ok(events.some((e) => e.thermostat_schedule_id === null && e.is_fallback_climate_preset))
}
