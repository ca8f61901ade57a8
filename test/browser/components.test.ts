import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import type { Page } from 'playwright-core'

import { screenshot, skipWithoutChromium, watchForProblems } from './chromium.ts'
import { useBrowserHarness } from './harness.ts'

/**
 * Seam Components (@seamapi/react 4.14.2, unmodified) in Chromium against Latchkey, from a page
 * on another origin: the device table, a lock's details with its lock control, and its access codes.
 */
describe('Seam Components in a browser, cross-origin', { skip: skipWithoutChromium }, () => {
  const h = useBrowserHarness('components-page.ts')

  const openAs = async (token: string): Promise<{ page: Page; problems: string[] }> => {
    const page = await h.browser.newPage({ viewport: { width: 1100, height: 800 } })
    const problems = watchForProblems(page)
    await page.goto(`${h.pages.origin}/?${new URLSearchParams({ endpoint: h.api, token })}`)
    return { page, problems }
  }

  test('DeviceTable lists exactly the session’s locks; DeviceDetails locks and unlocks; access codes are listed and created', async () => {
    // Jane's three locks are in the session's scope; John's two are in the workspace but not in it.
    const janeView = (await h.w.api('/connect_webviews/create', {})).body.connect_webview
    await h.w.signIn(janeView.url, 'jane@example.com', '1234')
    const johnView = (await h.w.api('/connect_webviews/create', {})).body.connect_webview
    await h.w.signIn(johnView.url, 'john@example.com', '1234')
    const session = await h.w.session({ user_identifier_key: 'components-jane', connect_webview_ids: [janeView.connect_webview_id] })

    const { page, problems } = await openAs(session.token)
    await page.getByText('Front Door').first().waitFor()
    for (const name of ['Front Door', 'Back Door', 'Garage Door']) assert.ok(await page.getByText(name).first().isVisible(), name)
    for (const name of ['Main Entrance', 'Office Door']) assert.equal(await page.getByText(name).count(), 0, name)
    await screenshot(page, 'components-device-table')

    await page.getByText('Front Door').first().click()
    await page.getByText('Lock status', { exact: true }).waitFor()
    assert.ok(await page.getByText('Locked', { exact: true }).first().isVisible())
    await screenshot(page, 'components-device-details')
    const frontDoor = (await h.w.api('/devices/list', {}, h.w.as.cst(session.token))).body.devices.find(
      (d: { display_name: string }) => d.display_name === 'Front Door',
    )

    // The lock control: Unlock, and the page and the API both say unlocked; then Lock again.
    // The control may flip before the request lands, so the API is asked once the page's call answered.
    const answered = (action: string) => page.waitForResponse((r) => r.url().endsWith(`/locks/${action}`) && r.ok())
    await Promise.all([answered('unlock_door'), page.getByRole('button', { name: 'Unlock' }).click()])
    await page.getByRole('button', { name: 'Lock', exact: true }).waitFor()
    assert.ok(await page.getByText('Unlocked', { exact: true }).first().isVisible())
    assert.equal((await h.w.api('/devices/get', { device_id: frontDoor.device_id })).body.device.properties.locked, false)
    await screenshot(page, 'components-device-unlocked')
    await Promise.all([answered('lock_door'), page.getByRole('button', { name: 'Lock', exact: true }).click()])
    await page.getByRole('button', { name: 'Unlock' }).waitFor()
    assert.equal((await h.w.api('/devices/get', { device_id: frontDoor.device_id })).body.device.properties.locked, true)

    // Access codes: one made through the API is listed; one made through the form appears too.
    await h.w.api('/access_codes/create', { device_id: frontDoor.device_id, name: 'Cleaner', code: '4821' })
    await page.reload()
    await page.getByText('Front Door').first().click()
    await page.getByText('1 access codes').or(page.getByText('1 access code')).first().click()
    await page.getByText('Cleaner').waitFor()
    assert.ok(await page.getByText('4821').first().isVisible())
    await screenshot(page, 'components-access-code-table')

    await page.locator('.seam-add-button').click()
    await page.getByText('Add new access code').waitFor()
    // The form's labels are not tied to their inputs, so the fields are found by the label's field.
    const field = (label: string) =>
      page
        .locator('.seam-form-field', { has: page.getByText(label, { exact: true }) })
        .locator('input')
        .first()
    await field('Name the new code').fill('Dog walker')
    await field('Enter the code (PIN)').fill('7315')
    await screenshot(page, 'components-create-access-code-form')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByText('Dog walker').waitFor()
    assert.ok(await page.getByText('7315').first().isVisible())
    await screenshot(page, 'components-access-code-created')
    const codes = (await h.w.api('/access_codes/list', { device_id: frontDoor.device_id })).body.access_codes
    assert.deepEqual(codes.map((c: { name: string; code: string }) => [c.name, c.code]).sort(), [
      ['Cleaner', '4821'],
      ['Dog walker', '7315'],
    ])

    // Telemetry as the components send it (fetch, JSON, no credentials) is accepted cross-origin.
    const telemetry = await page.evaluate(async (endpoint) => {
      const response = await fetch(`${endpoint}/internal/tlmtry`, {
        method: 'POST',
        body: '{"type":"track"}',
        headers: { 'Content-Type': 'application/json' },
      })
      return response.status
    }, h.api)
    assert.equal(telemetry, 204)
    assert.deepEqual(problems, [])
    await page.close()
  })
})
