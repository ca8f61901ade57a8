import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { janesThermostats } from '../../fixtures/thermostats.ts'
import type { World } from '../../fixtures/world.ts'

const device = async (w: World, deviceId: string) => (await w.api('/devices/get', { device_id: deviceId })).body.device
const events = async (w: World, eventType: string, deviceId: string) =>
  (await w.api('/events/list', { event_type: eventType, device_id: deviceId })).body.events as Record<string, unknown>[]
const attemptOf = async (w: World, id: string) => (await w.api('/action_attempts/get', { action_attempt_id: id })).body.action_attempt

describe('thermostats: HVAC and fan', () => {
  test('heat, cool, heat_cool and off answer SET_HVAC_MODE attempts that succeed and change current_climate_setting', async () => {
    const { w, livingRoom } = await janesThermostats()
    const heat = await w.api('/thermostats/heat', { device_id: livingRoom, heating_set_point_fahrenheit: 70 })
    assert.equal(heat.status, 200, heat.text)
    assert.equal(heat.body.action_attempt.action_type, 'SET_HVAC_MODE')
    assert.equal(heat.body.action_attempt.status, 'pending')
    const done = await attemptOf(w, heat.body.action_attempt.action_attempt_id)
    assert.equal(done.status, 'success')
    assert.deepEqual(done.result, {})
    let props = (await device(w, livingRoom)).properties
    assert.equal(props.current_climate_setting.hvac_mode_setting, 'heat')
    assert.equal(props.current_climate_setting.heating_set_point_fahrenheit, 70)
    assert.equal(props.current_climate_setting.heating_set_point_celsius, 21.1)
    assert.equal(props.current_climate_setting.cooling_set_point_fahrenheit, undefined)

    // Celsius works too; the room (71 °F) is below 24 °C, so it heats.
    await w.api('/thermostats/heat', { device_id: livingRoom, heating_set_point_celsius: 24 })
    props = (await device(w, livingRoom)).properties
    assert.equal(props.current_climate_setting.heating_set_point_celsius, 24)
    assert.equal(props.current_climate_setting.heating_set_point_fahrenheit, 75.2)
    assert.equal(props.is_heating, true)
    assert.equal(props.is_fan_running, true)

    await w.api('/thermostats/cool', { device_id: livingRoom, cooling_set_point_fahrenheit: 74 })
    props = (await device(w, livingRoom)).properties
    assert.deepEqual(
      [props.current_climate_setting.hvac_mode_setting, props.current_climate_setting.cooling_set_point_fahrenheit, props.is_heating],
      ['cool', 74, false],
    )

    const both = await w.api('/thermostats/heat_cool', {
      device_id: livingRoom,
      heating_set_point_fahrenheit: 66,
      cooling_set_point_fahrenheit: 78,
    })
    assert.equal(both.status, 200, both.text)
    props = (await device(w, livingRoom)).properties
    assert.equal(props.current_climate_setting.hvac_mode_setting, 'heat_cool')
    assert.equal(props.current_climate_setting.heating_set_point_fahrenheit, 66)
    assert.equal(props.current_climate_setting.cooling_set_point_fahrenheit, 78)

    const off = await w.api('/thermostats/off', { device_id: livingRoom })
    assert.equal(off.status, 200, off.text)
    props = (await device(w, livingRoom)).properties
    assert.equal(props.current_climate_setting.hvac_mode_setting, 'off')
    assert.equal(props.is_heating, false)

    const adjusted = await events(w, 'thermostat.manually_adjusted', livingRoom)
    assert.equal(adjusted.length, 5)
    assert.ok(adjusted.every((e) => e.method === 'seam'))
    assert.ok(adjusted.some((e) => e.hvac_mode_setting === 'heat_cool' && e.heating_set_point_fahrenheit === 66))
  })

  test('set_hvac_mode takes the mode with its set points, or keeps those the thermostat has', async () => {
    const { w, livingRoom } = await janesThermostats()
    const res = await w.api('/thermostats/set_hvac_mode', { device_id: livingRoom, hvac_mode_setting: 'cool' })
    assert.equal(res.status, 200, res.text)
    const setting = (await device(w, livingRoom)).properties.current_climate_setting
    assert.equal(setting.hvac_mode_setting, 'cool')
    assert.equal(setting.cooling_set_point_fahrenheit, 76, 'the cooling set point it kept')
    const heat = await w.api('/thermostats/set_hvac_mode', { device_id: livingRoom, hvac_mode_setting: 'heat' })
    assert.equal(heat.status, 400, 'heat with no heating set point given or kept')
    assert.equal(heat.body.error.type, 'invalid_input')
    const eco = await w.api('/thermostats/set_hvac_mode', { device_id: livingRoom, hvac_mode_setting: 'eco' })
    assert.equal(eco.status, 400)
    assert.equal(eco.body.error.type, 'hvac_mode_not_supported')
  })

  test('set points outside the limits or closer than the minimum delta are refused with nothing changed', async () => {
    const { w, livingRoom } = await janesThermostats()
    const before = (await device(w, livingRoom)).properties.current_climate_setting
    const tooHot = await w.api('/thermostats/heat', { device_id: livingRoom, heating_set_point_fahrenheit: 95 })
    assert.equal(tooHot.status, 400)
    assert.equal(tooHot.body.error.type, 'set_point_out_of_range')
    const tooCold = await w.api('/thermostats/cool', { device_id: livingRoom, cooling_set_point_celsius: 10 })
    assert.equal(tooCold.body.error.type, 'set_point_out_of_range')
    const close = await w.api('/thermostats/heat_cool', {
      device_id: livingRoom,
      heating_set_point_fahrenheit: 72,
      cooling_set_point_fahrenheit: 75,
    })
    assert.equal(close.status, 400)
    assert.equal(close.body.error.type, 'invalid_heating_cooling_delta')
    const disagreeing = await w.api('/thermostats/heat', {
      device_id: livingRoom,
      heating_set_point_fahrenheit: 70,
      heating_set_point_celsius: 25,
    })
    assert.equal(disagreeing.body.error.type, 'invalid_input')
    assert.deepEqual((await device(w, livingRoom)).properties.current_climate_setting, before)
    assert.deepEqual(await events(w, 'thermostat.manually_adjusted', livingRoom), [])
    const attempts = await w.api('/action_attempts/list', { device_id: livingRoom })
    assert.equal(attempts.status, 200, attempts.text)
    assert.deepEqual(attempts.body.action_attempts, [])
  })

  test('set_fan_mode answers SET_FAN_MODE; the fan runs when on', async () => {
    const { w, livingRoom } = await janesThermostats()
    const res = await w.api('/thermostats/set_fan_mode', { device_id: livingRoom, fan_mode_setting: 'on' })
    assert.equal(res.status, 200, res.text)
    assert.equal(res.body.action_attempt.action_type, 'SET_FAN_MODE')
    let props = (await device(w, livingRoom)).properties
    assert.equal(props.fan_mode_setting, 'on')
    assert.equal(props.current_climate_setting.fan_mode_setting, 'on')
    assert.equal(props.is_fan_running, true)
    await w.api('/thermostats/set_fan_mode', { device_id: livingRoom, fan_mode: 'auto' })
    props = (await device(w, livingRoom)).properties
    assert.equal(props.fan_mode_setting, 'auto')
    assert.equal(props.is_fan_running, false)
    assert.equal((await w.api('/thermostats/set_fan_mode', { device_id: livingRoom, fan_mode_setting: 'circulate' })).status, 400)
    assert.equal((await w.api('/thermostats/set_fan_mode', { device_id: livingRoom })).status, 400)
  })

  test('a thermostat route on a lock answers device_not_found; a client session reaches only its own thermostats', async () => {
    const { w, cst, livingRoom, guestSuite, frontDoor } = await janesThermostats()
    const onLock = await w.api('/thermostats/heat', { device_id: frontDoor, heating_set_point_fahrenheit: 70 })
    assert.equal(onLock.status, 404)
    assert.equal(onLock.body.error.type, 'device_not_found')
    assert.equal((await w.api('/thermostats/off', { device_id: livingRoom }, cst)).status, 200)
    const outside = await w.api('/thermostats/off', { device_id: guestSuite }, cst)
    assert.equal(outside.status, 404)
    assert.equal((await device(w, guestSuite)).properties.current_climate_setting.hvac_mode_setting, 'heat_cool')
    // Seam lets client sessions drive the HVAC but not activate presets, set thresholds or simulate.
    for (const path of [
      '/thermostats/activate_climate_preset',
      '/thermostats/set_fallback_climate_preset',
      '/thermostats/set_temperature_threshold',
      '/thermostats/simulate/hvac_mode_adjusted',
      '/thermostats/simulate/temperature_reached',
    ]) {
      const res = await w.api(
        path,
        { device_id: livingRoom, climate_preset_key: 'home', hvac_mode: 'off', temperature_fahrenheit: 70 },
        cst,
      )
      assert.ok(res.status === 401 || res.status === 403, `${path}: ${res.status}`)
    }
  })
})

describe('thermostats: climate presets', () => {
  test('create, update, activate and delete a preset; activation answers ACTIVATE_CLIMATE_PRESET and records the event', async () => {
    const { w, cst, livingRoom } = await janesThermostats()
    const created = await w.api(
      '/thermostats/create_climate_preset',
      {
        device_id: livingRoom,
        climate_preset_key: 'guests',
        name: 'Guests',
        hvac_mode_setting: 'heat_cool',
        heating_set_point_fahrenheit: 69,
        cooling_set_point_fahrenheit: 75,
        fan_mode_setting: 'auto',
      },
      cst,
    )
    assert.equal(created.status, 200, created.text)
    assert.deepEqual(created.body, { ok: true })
    let preset = (await device(w, livingRoom)).properties.available_climate_presets.find(
      (p: { climate_preset_key: string }) => p.climate_preset_key === 'guests',
    )
    assert.equal(preset.display_name, 'Guests')
    assert.equal(preset.heating_set_point_celsius, 20.6)
    assert.equal(preset.can_edit, true)
    assert.equal(preset.can_delete, true)
    // As Seam Components send it: both units of each set point, the °C computed from the °F.
    const fromComponents = await w.api(
      '/thermostats/create_climate_preset',
      {
        device_id: livingRoom,
        climate_preset_key: 'cleaning',
        heating_set_point_fahrenheit: 66,
        heating_set_point_celsius: 18.88888888888889,
        cooling_set_point_fahrenheit: 80,
        cooling_set_point_celsius: 26.666666666666668,
        fan_mode_setting: 'on',
        hvac_mode_setting: 'heat_cool',
      },
      cst,
    )
    assert.equal(fromComponents.status, 200, fromComponents.text)
    const again = await w.api('/thermostats/create_climate_preset', { device_id: livingRoom, climate_preset_key: 'guests' })
    assert.equal(again.status, 400)
    assert.equal(again.body.error.type, 'climate_preset_already_exists')
    const tooClose = await w.api('/thermostats/create_climate_preset', {
      device_id: livingRoom,
      climate_preset_key: 'tight',
      hvac_mode_setting: 'heat_cool',
      heating_set_point_fahrenheit: 70,
      cooling_set_point_fahrenheit: 72,
    })
    assert.equal(tooClose.body.error.type, 'invalid_heating_cooling_delta')

    const activated = await w.api('/thermostats/activate_climate_preset', { device_id: livingRoom, climate_preset_key: 'guests' })
    assert.equal(activated.status, 200, activated.text)
    assert.equal(activated.body.action_attempt.action_type, 'ACTIVATE_CLIMATE_PRESET')
    assert.equal((await attemptOf(w, activated.body.action_attempt.action_attempt_id)).status, 'success')
    let setting = (await device(w, livingRoom)).properties.current_climate_setting
    assert.equal(setting.climate_preset_key, 'guests')
    assert.equal(setting.heating_set_point_fahrenheit, 69)
    const [event] = await events(w, 'thermostat.climate_preset_activated', livingRoom)
    assert.ok(event)
    assert.equal(event.climate_preset_key, 'guests')
    assert.equal(event.is_fallback_climate_preset, false)
    assert.equal(event.thermostat_schedule_id, null)

    // SDK v1 sends PATCH; the active preset's change reaches the thermostat.
    const updated = await w.request({
      method: 'PATCH',
      url: '/thermostats/update_climate_preset',
      payload: { device_id: livingRoom, climate_preset_key: 'guests', heating_set_point_fahrenheit: 67, manual_override_allowed: false },
      headers: cst,
    })
    assert.equal(updated.status, 200, updated.text)
    setting = (await device(w, livingRoom)).properties.current_climate_setting
    assert.equal(setting.heating_set_point_fahrenheit, 67)
    assert.equal(setting.cooling_set_point_fahrenheit, 75, 'what was not given stays')
    assert.equal(setting.manual_override_allowed, false)

    const missing = await w.api('/thermostats/activate_climate_preset', { device_id: livingRoom, climate_preset_key: 'nope' })
    assert.equal(missing.status, 404)
    assert.equal(missing.body.error.type, 'climate_preset_not_found')

    const deleted = await w.request({
      method: 'DELETE',
      url: `/thermostats/delete_climate_preset?device_id=${livingRoom}&climate_preset_key=guests`,
      headers: cst,
    })
    assert.equal(deleted.status, 200, deleted.text)
    preset = (await device(w, livingRoom)).properties.available_climate_presets.find(
      (p: { climate_preset_key: string }) => p.climate_preset_key === 'guests',
    )
    assert.equal(preset, undefined)
    const system = await w.api('/thermostats/delete_climate_preset', { device_id: livingRoom, climate_preset_key: 'home' }, cst)
    assert.equal(system.status, 400)
    assert.equal(system.body.error.type, 'climate_preset_not_deletable')
  })

  test('set_fallback_climate_preset names an existing preset; activating it says it is the fallback', async () => {
    const { w, livingRoom } = await janesThermostats()
    assert.equal((await w.api('/thermostats/set_fallback_climate_preset', { device_id: livingRoom, climate_preset_key: 'x' })).status, 404)
    const res = await w.api('/thermostats/set_fallback_climate_preset', { device_id: livingRoom, climate_preset_key: 'away' })
    assert.equal(res.status, 200, res.text)
    assert.equal((await device(w, livingRoom)).properties.fallback_climate_preset_key, 'away')
    await w.api('/thermostats/activate_climate_preset', { device_id: livingRoom, climate_preset_key: 'away' })
    const [event] = await events(w, 'thermostat.climate_preset_activated', livingRoom)
    assert.equal(event?.is_fallback_climate_preset, true)
  })
})

describe('thermostats: temperature', () => {
  test('a threshold crossed by simulate/temperature_reached records exceeded, then no longer exceeded', async () => {
    const { w, livingRoom } = await janesThermostats()
    const set = await w.request({
      method: 'PATCH',
      url: '/thermostats/set_temperature_threshold',
      payload: { device_id: livingRoom, lower_limit_fahrenheit: 60, upper_limit_fahrenheit: 80 },
      headers: w.as.apiKey,
    })
    assert.equal(set.status, 200, set.text)
    assert.deepEqual((await device(w, livingRoom)).properties.temperature_threshold, {
      lower_limit_fahrenheit: 60,
      lower_limit_celsius: 15.6,
      upper_limit_fahrenheit: 80,
      upper_limit_celsius: 26.7,
    })
    const hot = await w.api('/thermostats/simulate/temperature_reached', { device_id: livingRoom, temperature_fahrenheit: 85 })
    assert.equal(hot.status, 200, hot.text)
    const hotDevice = await device(w, livingRoom)
    assert.equal(hotDevice.properties.temperature_fahrenheit, 85)
    assert.equal(hotDevice.properties.temperature_celsius, 29.4)
    assert.equal(hotDevice.properties.is_cooling, true, 'above the 76 °F cooling set point')
    assert.deepEqual(
      hotDevice.warnings.map((warning: { warning_code: string }) => warning.warning_code),
      ['temperature_threshold_exceeded'],
    )
    const [exceeded] = await events(w, 'thermostat.temperature_threshold_exceeded', livingRoom)
    assert.ok(exceeded)
    assert.equal(exceeded.temperature_fahrenheit, 85)
    assert.equal(exceeded.upper_limit_fahrenheit, 80)
    // Still outside: no second event.
    await w.api('/thermostats/simulate/temperature_reached', { device_id: livingRoom, temperature_fahrenheit: 86 })
    assert.equal((await events(w, 'thermostat.temperature_threshold_exceeded', livingRoom)).length, 1)

    await w.api('/thermostats/simulate/temperature_reached', { device_id: livingRoom, temperature_celsius: 24 })
    const [back] = await events(w, 'thermostat.temperature_threshold_no_longer_exceeded', livingRoom)
    assert.ok(back)
    assert.deepEqual((await device(w, livingRoom)).warnings, [])
    assert.equal(back.temperature_celsius, 24)
    const [reached] = await events(w, 'thermostat.temperature_reached_set_point', livingRoom)
    assert.ok(reached, 'cooled down to 76 °F or below')
    assert.equal(reached.desired_temperature_fahrenheit, 76)
    assert.ok((await events(w, 'thermostat.temperature_changed', livingRoom)).length >= 3)
  })

  test('a threshold the room is already outside warns at once; removing the limits clears the warning', async () => {
    const { w, livingRoom } = await janesThermostats()
    const set = await w.api('/thermostats/set_temperature_threshold', { device_id: livingRoom, upper_limit_celsius: 20 })
    assert.equal(set.status, 200, set.text)
    const warned = await device(w, livingRoom)
    assert.equal(warned.warnings[0]?.warning_code, 'temperature_threshold_exceeded')
    assert.equal(warned.properties.temperature_threshold.upper_limit_fahrenheit, 68)
    assert.equal(warned.properties.temperature_threshold.lower_limit_fahrenheit, null)
    assert.equal((await events(w, 'thermostat.temperature_threshold_exceeded', livingRoom)).length, 1)
    const inverted = await w.api('/thermostats/set_temperature_threshold', {
      device_id: livingRoom,
      lower_limit_fahrenheit: 80,
      upper_limit_fahrenheit: 70,
    })
    assert.equal(inverted.status, 400)
    await w.api('/thermostats/set_temperature_threshold', { device_id: livingRoom })
    assert.deepEqual((await device(w, livingRoom)).warnings, [])
    assert.equal((await events(w, 'thermostat.temperature_threshold_no_longer_exceeded', livingRoom)).length, 1)
  })

  test('simulate/hvac_mode_adjusted records thermostat.manually_adjusted with method external', async () => {
    const { w, livingRoom } = await janesThermostats()
    const res = await w.api('/thermostats/simulate/hvac_mode_adjusted', {
      device_id: livingRoom,
      hvac_mode: 'heat',
      heating_set_point_fahrenheit: 72,
    })
    assert.equal(res.status, 200, res.text)
    const props = (await device(w, livingRoom)).properties
    assert.equal(props.current_climate_setting.hvac_mode_setting, 'heat')
    assert.equal(props.is_heating, true)
    const [event] = await events(w, 'thermostat.manually_adjusted', livingRoom)
    assert.equal(event?.method, 'external')
    assert.equal(event?.heating_set_point_fahrenheit, 72)
    const bad = await w.api('/thermostats/simulate/hvac_mode_adjusted', {
      device_id: livingRoom,
      hvac_mode: 'heat',
      heating_set_point_fahrenheit: 20,
    })
    assert.equal(bad.body.error.type, 'set_point_out_of_range')
  })
})
