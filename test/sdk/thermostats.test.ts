import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import * as v1 from '@seamapi/http/connect'

import { createWorld, type World } from '../fixtures/world.ts'

type Sdk = typeof v1
// The v2 line, installed under an npm alias (see seam-http.test.ts).
const v2 = (await import('seamapi-http-v2/connect')) as unknown as Sdk

/**
 * Thermostats as a property-management team drives them: through the official SDK (which waits
 * for each action attempt by default, and sends PATCH and DELETE where Seam's document lists them)
 * against an in-process server, reading the device back.
 */
const sdkSuite = (line: string, sdk: Sdk) =>
  describe(`thermostats through @seamapi/http ${line}`, () => {
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
      const thermostats = await seam.thermostats.list()
      livingRoom = thermostats.find((t) => t.display_name === 'Living Room')?.device_id as string
      guestSuite = thermostats.find((t) => t.display_name === 'Guest Suite')?.device_id as string
      assert.ok(livingRoom && guestSuite)
      const session = await seam.clientSessions.create({ user_identifier_key: 'jane', connect_webview_ids: [jane.connect_webview_id] })
      frontEnd = SeamHttp.fromClientSessionToken(session.token, { endpoint })
    })
    after(() => w.dispose())

    const settingOf = async (deviceId: string) => (await seam.devices.get({ device_id: deviceId })).properties.current_climate_setting

    test('heat, cool, heatCool, off, setHvacMode and setFanMode: the attempt succeeds and the setting changes', async () => {
      const heat = await seam.thermostats.heat({ device_id: livingRoom, heating_set_point_fahrenheit: 70 })
      assert.equal(heat.action_type, 'SET_HVAC_MODE')
      assert.equal(heat.status, 'success')
      assert.equal((await settingOf(livingRoom))?.heating_set_point_fahrenheit, 70)
      await seam.thermostats.cool({ device_id: livingRoom, cooling_set_point_celsius: 25 })
      assert.equal((await settingOf(livingRoom))?.hvac_mode_setting, 'cool')
      await seam.thermostats.heatCool({ device_id: livingRoom, heating_set_point_fahrenheit: 65, cooling_set_point_fahrenheit: 75 })
      const both = await settingOf(livingRoom)
      assert.deepEqual(
        [both?.hvac_mode_setting, both?.heating_set_point_fahrenheit, both?.cooling_set_point_fahrenheit],
        ['heat_cool', 65, 75],
      )
      await seam.thermostats.setHvacMode({ device_id: livingRoom, hvac_mode_setting: 'heat', heating_set_point_celsius: 20 })
      assert.equal((await settingOf(livingRoom))?.heating_set_point_celsius, 20)
      const fan = await seam.thermostats.setFanMode({ device_id: livingRoom, fan_mode_setting: 'on' })
      assert.equal(fan.action_type, 'SET_FAN_MODE')
      assert.equal((await seam.devices.get({ device_id: livingRoom })).properties.fan_mode_setting, 'on')
      await seam.thermostats.off({ device_id: livingRoom })
      assert.equal((await settingOf(livingRoom))?.hvac_mode_setting, 'off')
    })

    test('a set point past the limits answers Seam’s error through the SDK', async () => {
      await assert.rejects(
        () => seam.thermostats.heatCool({ device_id: livingRoom, heating_set_point_fahrenheit: 70, cooling_set_point_fahrenheit: 72 }),
        (error: unknown) => error instanceof SeamHttpApiError && error.code === 'invalid_heating_cooling_delta',
      )
      await assert.rejects(
        () => seam.thermostats.heat({ device_id: livingRoom, heating_set_point_fahrenheit: 99 }),
        (error: unknown) => error instanceof SeamHttpApiError && error.code === 'set_point_out_of_range',
      )
    })

    test('climate presets: create, update (PATCH), activate, fallback, delete', async () => {
      await frontEnd.thermostats.createClimatePreset({
        device_id: livingRoom,
        climate_preset_key: 'guests',
        name: 'Guests',
        hvac_mode_setting: 'heat_cool',
        heating_set_point_fahrenheit: 68,
        cooling_set_point_fahrenheit: 76,
      })
      await frontEnd.thermostats.updateClimatePreset({
        device_id: livingRoom,
        climate_preset_key: 'guests',
        heating_set_point_fahrenheit: 69,
        manual_override_allowed: false,
      })
      const activated = await seam.thermostats.activateClimatePreset({ device_id: livingRoom, climate_preset_key: 'guests' })
      assert.equal(activated.action_type, 'ACTIVATE_CLIMATE_PRESET')
      assert.equal(activated.status, 'success')
      const setting = await settingOf(livingRoom)
      assert.equal(setting?.climate_preset_key, 'guests')
      assert.equal(setting?.heating_set_point_fahrenheit, 69)
      const [event] = await seam.events.list({ event_type: 'thermostat.climate_preset_activated', device_id: livingRoom })
      assert.equal(event?.event_type, 'thermostat.climate_preset_activated')
      await seam.thermostats.setFallbackClimatePreset({ device_id: livingRoom, climate_preset_key: 'home' })
      assert.equal((await seam.devices.get({ device_id: livingRoom })).properties.fallback_climate_preset_key, 'home')
      await frontEnd.thermostats.deleteClimatePreset({ device_id: livingRoom, climate_preset_key: 'guests' })
      const keys = (await seam.devices.get({ device_id: livingRoom })).properties.available_climate_presets?.map(
        (p) => p.climate_preset_key,
      )
      assert.deepEqual(keys, ['home', 'away', 'sleep'])
    })

    test('threshold and simulations: exceeded, then back inside; an external adjustment', async () => {
      await seam.thermostats.setTemperatureThreshold({ device_id: livingRoom, lower_limit_fahrenheit: 60, upper_limit_fahrenheit: 80 })
      await seam.thermostats.simulate.temperatureReached({ device_id: livingRoom, temperature_fahrenheit: 84 })
      const [exceeded] = await seam.events.list({ event_type: 'thermostat.temperature_threshold_exceeded', device_id: livingRoom })
      assert.equal(exceeded?.event_type, 'thermostat.temperature_threshold_exceeded')
      await seam.thermostats.simulate.temperatureReached({ device_id: livingRoom, temperature_celsius: 22 })
      const [back] = await seam.events.list({ event_type: 'thermostat.temperature_threshold_no_longer_exceeded', device_id: livingRoom })
      assert.equal(back?.event_type, 'thermostat.temperature_threshold_no_longer_exceeded')
      await seam.thermostats.simulate.hvacModeAdjusted({ device_id: livingRoom, hvac_mode: 'cool', cooling_set_point_fahrenheit: 74 })
      const adjusted = await seam.events.list({ event_type: 'thermostat.manually_adjusted', device_id: livingRoom })
      // The earlier tests' changes were Seam's; this one was made at the thermostat.
      const external = adjusted.filter((e) => e.event_type === 'thermostat.manually_adjusted' && e.method === 'external')
      assert.equal(external.length, 1)
      assert.ok(adjusted.length > external.length)
    })

    test('a client session lists and drives only its own thermostats', async () => {
      const mine = await frontEnd.thermostats.list()
      assert.deepEqual(mine.map((t) => t.display_name).sort(), ['Living Room', 'Upstairs'])
      await assert.rejects(
        () => frontEnd.thermostats.off({ device_id: guestSuite }),
        (error: unknown) => error instanceof SeamHttpApiError && error.statusCode === 404,
      )
    })
  })

void sdkSuite('1.x', v1)
void sdkSuite('v2', v2)
