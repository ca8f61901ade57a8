import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { createWorld, type World } from '../../fixtures/world.ts'

const LOCK_FLAGS = [
  'can_remotely_lock',
  'can_remotely_unlock',
  'can_program_online_access_codes',
  'can_program_offline_access_codes',
  'can_unlock_with_code',
]
const THERMOSTAT_FLAGS = ['can_hvac_heat', 'can_hvac_cool', 'can_hvac_heat_cool', 'can_turn_off_hvac', 'can_run_thermostat_programs']

type Device = Record<string, unknown> & { device_id: string; display_name: string; properties: Record<string, unknown> }

const connect = async (w: World, provider: string, email: string, code?: string) => {
  const webview = (await w.api('/connect_webviews/create', { accepted_providers: [provider] })).body.connect_webview
  const res = await w.signIn(webview.url, email, '1234', { provider, ...(code === undefined ? {} : { code }) })
  assert.equal(res.status, 200, res.text)
  return (await w.api('/connect_webviews/get', { connect_webview_id: webview.connect_webview_id })).body.connect_webview
}

describe('ecobee thermostats in the sandbox', () => {
  test('a webview accepting ecobee signs jane@example.com in with 1234 alone and connects her thermostats', async () => {
    const w = await createWorld()
    // ecobee asks for no verification code: the password alone connects.
    const webview = await connect(w, 'ecobee', 'jane@example.com', '')
    assert.equal(webview.status, 'authorized')
    assert.equal(webview.selected_provider, 'ecobee')
    const account = (await w.api('/connected_accounts/get', { connected_account_id: webview.connected_account_id })).body.connected_account
    assert.equal(account.provider, 'ecobee')
    assert.deepEqual(account.user_identifier, { email: 'jane@example.com' })
    const devices: Device[] = (await w.api('/devices/list', { connected_account_id: account.connected_account_id })).body.devices
    assert.deepEqual(devices.map((d) => d.display_name).sort(), ['Living Room', 'Upstairs'])
    for (const d of devices) {
      assert.equal(d.device_type, 'ecobee_thermostat')
      assert.deepEqual(d.capabilities_supported, ['thermostat'])
      assert.equal((d.device_provider as { device_provider_name: string }).device_provider_name, 'ecobee')
      assert.equal(d.properties.manufacturer, 'ecobee')
      assert.ok(Array.isArray(d.properties.available_climate_presets) && d.properties.available_climate_presets.length > 0)
      assert.equal((d.properties.current_climate_setting as { hvac_mode_setting: string }).hvac_mode_setting, 'heat_cool')
    }
  })

  test('a thermostat carries no lock flag or lock property; a lock carries no thermostat flag or property', async () => {
    const w = await createWorld()
    await connect(w, 'ecobee', 'jane@example.com')
    await connect(w, 'august', 'jane@example.com')
    const devices: Device[] = (await w.api('/devices/list')).body.devices
    const thermostat = devices.find((d) => d.device_type === 'ecobee_thermostat')
    const lock = devices.find((d) => d.device_type === 'august_lock')
    assert.ok(thermostat && lock)
    for (const flag of LOCK_FLAGS) assert.equal(flag in thermostat, false, `thermostat has ${flag}`)
    for (const p of ['locked', 'online_access_codes_enabled', 'offline_access_codes_enabled'])
      assert.equal(p in thermostat.properties, false, p)
    for (const flag of THERMOSTAT_FLAGS) {
      assert.equal(thermostat[flag], true, flag)
      assert.equal(flag in lock, false, `lock has ${flag}`)
    }
    assert.equal('available_climate_presets' in lock.properties, false)
    assert.equal(lock.can_remotely_lock, true)
  })

  test('thermostats/list answers only thermostats, under devices and thermostats, with devices/list’s filters', async () => {
    const w = await createWorld()
    const jane = await connect(w, 'ecobee', 'jane@example.com')
    await connect(w, 'ecobee', 'john@example.com')
    await connect(w, 'august', 'jane@example.com')
    const all = await w.api('/thermostats/list', {})
    assert.equal(all.status, 200, all.text)
    assert.deepEqual(all.body.thermostats, all.body.devices)
    assert.deepEqual(all.body.thermostats.map((d: Device) => d.display_name).sort(), ['Basement', 'Guest Suite', 'Living Room', 'Upstairs'])
    const janes = await w.api('/thermostats/list', { connected_account_id: jane.connected_account_id })
    assert.deepEqual(janes.body.devices.map((d: Device) => d.display_name).sort(), ['Living Room', 'Upstairs'])
    assert.deepEqual((await w.api('/thermostats/list', { device_type: 'august_lock' })).body.devices, [])
    assert.equal((await w.api('/thermostats/list', { manufacturer: 'ecobee', limit: 1 })).body.devices.length, 1)
    const byGet = await w.request({ method: 'GET', url: '/thermostats/list?device_type=ecobee_thermostat', headers: w.as.apiKey })
    assert.equal(byGet.status, 200, byGet.text)
    assert.equal(byGet.body.thermostats.length, 4)
  })

  test('a client session sees only the thermostats of its connected accounts', async () => {
    const w = await createWorld()
    const jane = await connect(w, 'ecobee', 'jane@example.com')
    await connect(w, 'ecobee', 'john@example.com')
    const session = await w.session({ user_identifier_key: 'jane', connect_webview_ids: [jane.connect_webview_id] })
    const res = await w.api('/thermostats/list', {}, w.as.cst(session.token))
    assert.equal(res.status, 200, res.text)
    assert.deepEqual(res.body.thermostats.map((d: Device) => d.display_name).sort(), ['Living Room', 'Upstairs'])
  })
})
