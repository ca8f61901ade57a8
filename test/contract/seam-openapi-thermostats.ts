import assert from 'node:assert/strict'

import type { Response, World } from '../fixtures/world.ts'

/** The contract test's `call`: a route by its first method, its 200 answer validated against Seam's schema. */
type Call = (path: string, body?: Record<string, unknown>, headers?: Record<string, string>) => Promise<Response['body']>

/**
 * Every thermostat route, called as the contract test calls the others: a client session for what
 * Seam lets one do, a key for the rest. Connects Jane's ecobee account first.
 */
export const callThermostatRoutes = async (w: World, call: Call): Promise<void> => {
  const webview = (await w.api('/connect_webviews/create', { accepted_providers: ['ecobee'] })).body.connect_webview
  assert.equal((await w.signIn(webview.url, 'jane@example.com', '1234', { provider: 'ecobee' })).status, 200)
  const session = (
    await call('/client_sessions/create', { user_identifier_key: 'jane-climate', connect_webview_ids: [webview.connect_webview_id] })
  ).client_session
  const cst = w.as.cst(session.token)
  const thermostats = (await call('/thermostats/list', {}, cst)).thermostats as { device_id: string }[]
  assert.equal(thermostats.length, 2)
  const deviceId = thermostats[0]?.device_id as string
  const device_id = deviceId
  await call('/thermostats/heat', { device_id, heating_set_point_fahrenheit: 70 }, cst)
  await call('/thermostats/cool', { device_id, cooling_set_point_celsius: 24 }, cst)
  await call('/thermostats/heat_cool', { device_id, heating_set_point_fahrenheit: 67, cooling_set_point_fahrenheit: 77 }, cst)
  await call('/thermostats/set_hvac_mode', { device_id, hvac_mode_setting: 'heat_cool' }, cst)
  await call('/thermostats/set_fan_mode', { device_id, fan_mode_setting: 'on' }, cst)
  await call('/thermostats/off', { device_id }, cst)
  const preset = { device_id, climate_preset_key: 'guests', name: 'Guests', hvac_mode_setting: 'heat', heating_set_point_fahrenheit: 68 }
  await call('/thermostats/create_climate_preset', preset, cst)
  await call('/thermostats/update_climate_preset', { device_id, climate_preset_key: 'guests', fan_mode_setting: 'auto' }, cst)
  await call('/thermostats/set_fallback_climate_preset', { device_id, climate_preset_key: 'home' })
  const activated = (await call('/thermostats/activate_climate_preset', { device_id, climate_preset_key: 'guests' })).action_attempt
  await call('/action_attempts/get', { action_attempt_id: activated.action_attempt_id }, cst)
  await call('/thermostats/set_temperature_threshold', { device_id, lower_limit_fahrenheit: 60, upper_limit_fahrenheit: 80 })
  await call('/thermostats/simulate/temperature_reached', { device_id, temperature_fahrenheit: 85 })
  // Back inside the threshold below the preset's 68 °F, then warmed up to it.
  await call('/thermostats/simulate/temperature_reached', { device_id, temperature_fahrenheit: 66 })
  await call('/thermostats/simulate/temperature_reached', { device_id, temperature_fahrenheit: 70 })
  await call('/thermostats/simulate/hvac_mode_adjusted', { device_id, hvac_mode: 'cool', cooling_set_point_fahrenheit: 75 })
  await call('/thermostats/delete_climate_preset', { device_id, climate_preset_key: 'guests' }, cst)
  await call('/devices/get', { device_id: deviceId }, cst)
  const events = (await call('/events/list', { device_id: deviceId })).events as { event_id: string; event_type: string }[]
  for (const type of [
    'thermostat.manually_adjusted',
    'thermostat.climate_preset_activated',
    'thermostat.temperature_changed',
    'thermostat.temperature_threshold_exceeded',
    'thermostat.temperature_threshold_no_longer_exceeded',
    'thermostat.temperature_reached_set_point',
  ]) {
    const event = events.find((e) => e.event_type === type)
    assert.ok(event, `no ${type} event`)
    await call('/events/get', { event_id: event.event_id })
  }
}
