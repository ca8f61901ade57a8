import assert from 'node:assert/strict'
import { before, describe, test } from 'node:test'

import type { Page, Response } from 'playwright-core'

import { screenshot, skipWithoutChromium, watchForProblems } from './chromium.ts'
import { useBrowserHarness } from './harness.ts'

/**
 * Seam Components (@seamapi/react 4.14.2, unmodified) in Chromium against Latchkey, with the
 * session holding an August lock account, an ecobee thermostat account and a Minut noise-sensor
 * account: the device table shows each kind, a thermostat's details change its climate, fan and
 * presets, and a noise sensor's details show its thresholds and what it hears.
 */
describe('Seam Components in a browser: locks, thermostats and noise sensors', { skip: skipWithoutChromium }, () => {
  const h = useBrowserHarness('components-page.ts')
  let token = ''

  // In scope: Jane's August locks, John's ecobee thermostats, a host's Minut sensors.
  // In the workspace but outside the session: John's August locks and Andrew's ecobee thermostat.
  const IN_SCOPE = { lock: 'Front Door', thermostat: 'Guest Suite', noiseSensor: 'Bedroom' }
  const IN_SCOPE_NAMES = ['Front Door', 'Back Door', 'Garage Door', 'Guest Suite', 'Basement', 'Living Room', 'Bedroom']
  const OUT_OF_SCOPE_NAMES = ['Main Entrance', 'Office Door', 'Lobby']

  const connect = async (provider: string, email: string, code?: string): Promise<string> => {
    const view = (await h.w.api('/connect_webviews/create', { accepted_providers: [provider] })).body.connect_webview
    const signedIn = await h.w.signIn(view.url, email, '1234', { provider, ...(code === undefined ? { code: '' } : { code }) })
    assert.ok(signedIn.status < 400, `${provider} sign-in for ${email}: ${signedIn.status}`)
    return view.connect_webview_id
  }

  before(async () => {
    const inScope = [
      await connect('august', 'jane@example.com', '123456'),
      await connect('ecobee', 'john@example.com'),
      await connect('minut', 'host@example.com'),
    ]
    await connect('august', 'john@example.com', '123456')
    await connect('ecobee', 'andrew@example.com')
    token = (await h.w.session({ user_identifier_key: 'components-devices', connect_webview_ids: inScope })).token
  })

  /** The session's device of that name, as the API answers it. */
  const deviceNamed = async (name: string) => {
    const devices = (await h.w.api('/devices/list', {}, h.w.as.cst(token))).body.devices
    const device = devices.find((d: { display_name: string }) => d.display_name === name)
    assert.ok(device, `no device named ${name} in the session's scope`)
    return device
  }
  const deviceNow = async (deviceId: string) => (await h.w.api('/devices/get', { device_id: deviceId })).body.device

  /**
   * Loads (or reloads) the page with the components sat inside a margin, as a host page would:
   * a menu whose button starts at the components' own 32 px padding from the window's edge is
   * placed at left 0, which their Menu takes for "not placed yet" and keeps hidden (the preset
   * form's full-width HVAC mode menu).
   */
  const load = async (page: Page, reload = false): Promise<void> => {
    if (reload) await page.reload()
    else await page.goto(`${h.pages.origin}/?${new URLSearchParams({ endpoint: h.api, token })}`)
    await page.addStyleTag({ content: '#root { margin: 0 24px; }' })
    await page.locator('.seam-table-row').first().waitFor()
  }

  /** The page, what goes wrong in it, and every request it sends somewhere other than Latchkey and its own server. */
  const open = async (timezoneId?: string): Promise<{ page: Page; problems: string[]; outside: string[] }> => {
    const page = await h.browser.newPage({ viewport: { width: 1100, height: 900 }, ...(timezoneId === undefined ? {} : { timezoneId }) })
    const problems = watchForProblems(page)
    const outside: string[] = []
    const allowed = new Set([new URL(h.api).origin, new URL(h.pages.origin).origin])
    page.on('request', (request) => {
      const url = new URL(request.url())
      // Inline images (data:) go nowhere.
      if (url.protocol !== 'data:' && !allowed.has(url.origin)) outside.push(request.url())
    })
    await load(page)
    return { page, problems, outside }
  }

  /** The menu open now (every menu stays in the page, hidden, while closed). */
  const openMenu = (page: Page) => page.locator('.seam-thermo-mode-menu.seam-menu-visible')

  /** The page's next successful answer from that Latchkey route. */
  const answered = (page: Page, route: string): Promise<Response> =>
    page.waitForResponse((r) => new URL(r.url()).pathname === route && r.ok())

  test('DeviceTable lists the session’s lock, thermostats and noise sensors, each with its image and status, and nothing else', async () => {
    const { page, problems, outside } = await open()
    await page.locator('.seam-table-row', { hasText: 'Bedroom' }).waitFor()
    const rows = page.locator('.seam-table-row')
    const shown = await rows.locator('.seam-truncated-text').allInnerTexts()
    assert.deepEqual(shown.map((s) => s.trim()).sort(), [...IN_SCOPE_NAMES].sort())
    for (const name of OUT_OF_SCOPE_NAMES) assert.equal(await page.getByText(name).count(), 0, name)
    await screenshot(page, 'components-devices-table')

    // Each kind's row: its own image (the inline one the API gives), its model, and its statuses.
    const images = new Set<string>()
    for (const [kind, name] of Object.entries(IN_SCOPE)) {
      const device = await deviceNamed(name)
      const row = page.locator('.seam-table-row', { has: page.getByText(name, { exact: true }) })
      const src = (await row.locator('img').getAttribute('src')) ?? ''
      assert.equal(src, device.properties.image_url, `${kind}'s image`)
      assert.ok(src.startsWith('data:'), `${kind}'s image is inline`)
      images.add(src)
      const model = device.properties.model
      assert.equal(
        (await row.locator('.seam-device-model').innerText()).trim(),
        `${model.manufacturer_display_name} ${model.display_name}`,
        `${kind}'s model`,
      )
      assert.ok(await row.getByText('Online', { exact: true }).isVisible(), `${kind} online`)
      const battery = row.locator('.seam-battery-status')
      if (device.properties.battery?.status === undefined) assert.equal((await battery.innerText()).trim(), '', `${kind} has no battery`)
      else assert.match(await battery.innerText(), /Good|Low/, `${kind}'s battery`)
      // Only a lock shows whether it is locked.
      assert.equal(await row.getByText('Locked', { exact: true }).count(), kind === 'lock' ? 1 : 0, `${kind}'s lock status`)
    }
    assert.equal(images.size, 3, 'each kind has its own image')

    assert.deepEqual(outside, [])
    assert.deepEqual(problems, [])
    await page.close()
  })

  test('DeviceDetails of a thermostat: opening changes nothing; climate, fan mode and presets change the device', async () => {
    const thermostat = await deviceNamed(IN_SCOPE.thermostat)
    const before = await deviceNow(thermostat.device_id)

    const { page, problems, outside } = await open()
    // Every call the page makes to thermostats/*, in order, with what it sent.
    const calls: { route: string; body: Record<string, unknown> }[] = []
    page.on('request', (request) => {
      const { pathname } = new URL(request.url())
      if (pathname.startsWith('/thermostats/')) calls.push({ route: pathname, body: request.postDataJSON() ?? {} })
    })

    await page.getByText(IN_SCOPE.thermostat, { exact: true }).click()
    await page.getByText('Current settings').waitFor()
    assert.ok(await page.locator('.seam-content-header').getByText('Thermostat', { exact: true }).isVisible())
    assert.equal(await page.getByText('Lock status').count(), 0, 'not shown as a lock')
    assert.ok(await page.getByRole('button', { name: 'Manage (3 Presets)' }).isVisible())

    await screenshot(page, 'components-thermostat-details')

    // The climate row holds the device's own set points in its own mode: nothing for it to send.
    await page.locator('.seam-accordion-row-trigger', { hasText: 'Climate' }).click()
    const heat = page.locator('.seam-temperature-control-group-block').filter({ has: page.locator('[data-variant="heat"]') })
    const cool = page.locator('.seam-temperature-control-group-block').filter({ has: page.locator('[data-variant="cool"]') })
    const setting = before.properties.current_climate_setting
    assert.equal(setting.hvac_mode_setting, 'heat_cool')
    assert.equal(await heat.locator('input[type=range]').inputValue(), String(setting.heating_set_point_fahrenheit))
    assert.equal(await cool.locator('input[type=range]').inputValue(), String(setting.cooling_set_point_fahrenheit))

    // Fan mode: auto → on.
    assert.equal(before.properties.fan_mode_setting, 'auto')
    await page.locator('.seam-fan-mode-menu-button').click()
    await Promise.all([answered(page, '/thermostats/set_fan_mode'), openMenu(page).getByText('On', { exact: true }).click()])
    await page.locator('.seam-fan-mode-menu-button', { hasText: 'On' }).waitFor()
    assert.equal((await deviceNow(thermostat.device_id)).properties.fan_mode_setting, 'on')

    // Set point: one degree warmer, sent (after the components' pause) as heat_cool with both set points.
    const heatingF = setting.heating_set_point_fahrenheit as number
    const coolingF = setting.cooling_set_point_fahrenheit as number
    await Promise.all([answered(page, '/thermostats/heat_cool'), heat.locator('.seam-temperature-stepper-button').last().click()])
    let climate = (await deviceNow(thermostat.device_id)).properties.current_climate_setting
    assert.deepEqual(
      [climate.hvac_mode_setting, climate.heating_set_point_fahrenheit, climate.cooling_set_point_fahrenheit],
      ['heat_cool', heatingF + 1, coolingF],
    )
    await page.locator('.seam-thermostat-mutation-status.is-visible').waitFor()
    await screenshot(page, 'components-thermostat-set-point')

    // Presets: create one, edit it, delete it.
    await page.getByRole('button', { name: 'Manage (3 Presets)' }).click()
    await page.getByText('Climate Presets', { exact: true }).waitFor()
    await screenshot(page, 'components-thermostat-presets')
    await page.getByRole('button', { name: 'Create New' }).click()
    const field = (label: string) =>
      page
        .locator('.seam-form-field', { has: page.getByText(label, { exact: true }) })
        .locator('input')
        .first()
    await field('Key').fill('guests')
    await field('Display Name (Optional)').fill('Guests arriving')
    await page.locator('.seam-climate-mode-menu-button').click()
    await openMenu(page).getByText('Heat & Cool', { exact: true }).click()
    // One degree up on cooling; the form keeps heating the minimum gap below it.
    await page.locator('.seam-temperature-control-group-block').nth(1).locator('.seam-temperature-stepper-button').last().click()
    await screenshot(page, 'components-thermostat-preset-form')
    const [created] = await Promise.all([
      answered(page, '/thermostats/create_climate_preset'),
      page.getByRole('button', { name: 'Save' }).click(),
    ])
    const sent = created.request().postDataJSON()
    const presetNamed = async (key: string) =>
      (await deviceNow(thermostat.device_id)).properties.available_climate_presets.find(
        (p: { climate_preset_key: string }) => p.climate_preset_key === key,
      )
    let preset = await presetNamed('guests')
    assert.ok(preset, 'the preset is on the device')
    assert.deepEqual(
      [
        preset.name,
        preset.hvac_mode_setting,
        preset.fan_mode_setting,
        preset.heating_set_point_fahrenheit,
        preset.cooling_set_point_fahrenheit,
      ],
      ['Guests arriving', 'heat_cool', 'auto', sent.heating_set_point_fahrenheit, sent.cooling_set_point_fahrenheit],
    )
    assert.equal(
      sent.cooling_set_point_fahrenheit - sent.heating_set_point_fahrenheit,
      before.properties.min_heating_cooling_delta_fahrenheit,
    )
    const card = page.locator('.seam-thermostat-climate-presets-card', { hasText: 'Guests arriving' })
    await card.waitFor()
    await screenshot(page, 'components-thermostat-preset-created')

    await card.getByTitle('Edit').click()
    await field('Display Name (Optional)').fill('Guests staying')
    // One degree up on heating; the form keeps cooling the minimum gap above it.
    await page.locator('.seam-temperature-control-group-block').first().locator('.seam-temperature-stepper-button').last().click()
    const [updated] = await Promise.all([
      answered(page, '/thermostats/update_climate_preset'),
      page.getByRole('button', { name: 'Save' }).click(),
    ])
    assert.equal(updated.request().method(), 'PATCH')
    preset = await presetNamed('guests')
    assert.deepEqual(
      [preset.name, preset.heating_set_point_fahrenheit, preset.cooling_set_point_fahrenheit],
      ['Guests staying', sent.heating_set_point_fahrenheit + 1, sent.cooling_set_point_fahrenheit + 1],
    )
    const edited = page.locator('.seam-thermostat-climate-presets-card', { hasText: 'Guests staying' })
    await edited.waitFor()
    await screenshot(page, 'components-thermostat-preset-edited')

    await edited.getByTitle('Delete').click()
    await Promise.all([answered(page, '/thermostats/delete_climate_preset'), page.getByRole('button', { name: 'Confirm' }).click()])
    assert.equal(await presetNamed('guests'), undefined)
    assert.equal((await deviceNow(thermostat.device_id)).properties.available_climate_presets.length, 3)

    // The components keep their own copy of the presets and never ask again: an edit adds the
    // edited preset beside the old one, and after a delete one of the two stays on screen. A
    // reload shows the device as Latchkey holds it: its three presets again.
    await load(page, true)
    await page.getByText(IN_SCOPE.thermostat, { exact: true }).click()
    await page.getByRole('button', { name: 'Manage (3 Presets)' }).click()
    await page.locator('.seam-thermostat-climate-presets-card').nth(2).waitFor()
    assert.deepEqual(
      (await page.locator('.seam-thermostat-climate-presets-card-name').allInnerTexts()).map((t) => t.split('\n')[0]),
      ['Home', 'Away', 'Sleep'],
    )
    await screenshot(page, 'components-thermostat-preset-deleted')

    // Back on the details: HVAC mode cool, one degree up on cooling, sent as cool.
    await page.locator('.seam-content-header .seam-back-icon').click()
    await page.getByText('Current settings').waitFor()
    await page.locator('.seam-accordion-row-trigger', { hasText: 'Climate' }).click()
    await page.locator('.seam-climate-mode-menu-button').click()
    await openMenu(page).getByText('Cool', { exact: true }).click()
    await Promise.all([answered(page, '/thermostats/cool'), cool.locator('.seam-temperature-stepper-button').last().click()])
    climate = (await deviceNow(thermostat.device_id)).properties.current_climate_setting
    assert.deepEqual([climate.hvac_mode_setting, climate.cooling_set_point_fahrenheit], ['cool', coolingF + 1])
    await page.locator('.seam-thermostat-mutation-status.is-visible').waitFor()
    await screenshot(page, 'components-thermostat-cool')

    await page.close()
    const id = thermostat.device_id
    assert.deepEqual(calls, [
      { route: '/thermostats/set_fan_mode', body: { device_id: id, fan_mode_setting: 'on' } },
      {
        route: '/thermostats/heat_cool',
        body: { device_id: id, heating_set_point_fahrenheit: heatingF + 1, cooling_set_point_fahrenheit: coolingF },
      },
      { route: '/thermostats/create_climate_preset', body: sent },
      { route: '/thermostats/update_climate_preset', body: updated.request().postDataJSON() },
      { route: '/thermostats/delete_climate_preset', body: { climate_preset_key: 'guests', device_id: id } },
      { route: '/thermostats/cool', body: { device_id: id, cooling_set_point_fahrenheit: coolingF + 1 } },
    ])
    assert.deepEqual(outside, [])
    assert.deepEqual(problems, [])
  })

  test('DeviceDetails of a noise sensor: its thresholds and its noise level', async () => {
    const sensor = await deviceNamed(IN_SCOPE.noiseSensor)
    const thresholds = (await h.w.api('/noise_sensors/noise_thresholds/list', { device_id: sensor.device_id })).body.noise_thresholds
    assert.ok(thresholds.length > 0)

    // The components show a threshold's times in the viewer's own time zone and name the
    // thresholds' zone under them: a viewer in that zone sees the times as stored.
    const zone = /\[(.+)\]$/.exec(thresholds[0].starts_daily_at)?.[1]
    assert.ok(zone, 'a threshold carries its time zone')
    const { page, problems, outside } = await open(zone)
    await Promise.all([
      answered(page, '/noise_sensors/noise_thresholds/list'),
      page.getByText(IN_SCOPE.noiseSensor, { exact: true }).click(),
    ])
    await page.getByText('Noise thresholds').waitFor()
    assert.ok(await page.locator('.seam-content-header').getByText('Noise Sensor', { exact: true }).isVisible())
    assert.equal(await page.getByText('Lock status').count(), 0, 'not shown as a lock')
    const decibels = sensor.properties.minut_metadata.latest_sensor_values.sound.value
    assert.ok(await page.getByText(`${decibels} dB`, { exact: true }).first().isVisible(), 'noise level')

    for (const threshold of thresholds) {
      const row = page.locator('.seam-detail-row', { has: page.getByText(threshold.name, { exact: true }) })
      assert.ok(await row.getByText(`${threshold.noise_threshold_decibels} dB`).isVisible(), `${threshold.name} decibels`)
      const times = await row.locator('.seam-row-sublabel').allInnerTexts()
      assert.deepEqual(times, [clock(threshold.starts_daily_at), clock(threshold.ends_daily_at)], `${threshold.name} times`)
    }
    assert.match(await page.getByText('All times in').innerText(), /Pacific|Los Angeles|PST|PDT/, 'the thresholds’ time zone')
    await screenshot(page, 'components-noise-sensor-details')

    // A threshold crossed: the sensor shows it is noisy, and its activity lists the event.
    const triggered = await h.w.api('/noise_sensors/simulate/trigger_noise_threshold', { device_id: sensor.device_id })
    assert.equal(triggered.status, 200)
    const noisy = await deviceNow(sensor.device_id)
    const [triggeringId] = noisy.properties.currently_triggering_noise_threshold_ids
    const triggering = thresholds.find((t: { noise_threshold_id: string }) => t.noise_threshold_id === triggeringId)
    assert.ok(triggering, 'a threshold is triggering')
    await load(page, true)
    await page.getByText(IN_SCOPE.noiseSensor, { exact: true }).click()
    const heard = noisy.properties.minut_metadata.latest_sensor_values.sound.value
    await page.getByText(`${heard} dB (noisy)`).waitFor()
    await Promise.all([answered(page, '/events/list'), page.getByText('Activity', { exact: true }).click()])
    const item = page.locator('.seam-noise-sensor-event-item')
    await item.first().waitFor()
    assert.equal(await item.count(), 1)
    assert.equal((await item.locator('.seam-noise-sensor-event-item-context-sublabel').innerText()).trim(), triggering.name)
    await screenshot(page, 'components-noise-sensor-activity')

    assert.deepEqual(outside, [])
    assert.deepEqual(problems, [])
    await page.close()
  })
})

/** "22:00:00[America/Los_Angeles]" as an en-US page shows it: "10:00 PM". */
const clock = (time: string): string => {
  const [hours, minutes] = time.split(':').map(Number) as [number, number]
  return `${hours % 12 === 0 ? 12 : hours % 12}:${String(minutes).padStart(2, '0')} ${hours < 12 ? 'AM' : 'PM'}`
}
