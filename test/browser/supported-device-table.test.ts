import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import type { Page } from 'playwright-core'

import { SANDBOX_PROVIDERS } from '../../src/sandbox/providers/registry.ts'
import { screenshot, skipWithoutChromium, watchForProblems } from './chromium.ts'
import { useBrowserHarness } from './harness.ts'

/**
 * Seam Components' SupportedDeviceTable (@seamapi/react 4.14.2, unmodified) in Chromium, from a
 * page on another origin, reading Latchkey's device database with a client session token: it
 * lists the sandbox's manufacturers and models, searches through the server, and loads nothing
 * from anywhere but the page's origin and Latchkey.
 */
describe('SupportedDeviceTable in a browser, cross-origin', { skip: skipWithoutChromium }, () => {
  const h = useBrowserHarness('supported-device-table-page.ts')

  /**
   * What the table shows at first: the models of the manufacturers it calls supported (stable or
   * beta, its default filter), at most three per manufacturer until "show all" is clicked.
   */
  const described = SANDBOX_PROVIDERS.flatMap(({ devicedb }) =>
    devicedb !== undefined && ['stable', 'beta'].includes(devicedb.manufacturer.integration_support_level)
      ? devicedb.device_models.slice(0, 3).map((m) => ({ model: m.display_name, manufacturer: devicedb.manufacturer.display_name }))
      : [],
  )

  let opened = 0
  const open = async (query: Record<string, string> = {}): Promise<{ page: Page; problems: string[]; requested: string[] }> => {
    const session = await h.w.session({ user_identifier_key: `supported-devices-${++opened}` })
    const page = await h.browser.newPage({ viewport: { width: 900, height: 700 } })
    const problems = watchForProblems(page)
    const requested: string[] = []
    page.on('request', (request) => requested.push(request.url()))
    await page.goto(`${h.pages.origin}/?${new URLSearchParams({ endpoint: h.api, token: session.token, ...query })}`)
    return { page, problems, requested }
  }

  /** Requests that went anywhere but the page's origin and Latchkey's (inline `data:` images load nothing). */
  const elsewhere = (requested: string[]) =>
    requested.filter((url) => !url.startsWith('data:') && ![h.pages.origin, h.api].includes(new URL(url).origin))

  test('lists each manufacturer’s models with their status; a search is answered by the server; nothing loads from elsewhere', async () => {
    // Every simulated kind of hardware is in the database: locks, thermostats, noise sensors.
    assert.deepEqual(described.map((d) => d.model).sort(), ['Noise Sensor', 'Smart Lock Pro', 'Smart Thermostat Premium'])
    const { page, problems, requested } = await open()
    await page.locator('.seam-manufacturer-name').first().waitFor()

    const sections = await page.locator('.seam-manufacturer-name').allInnerTexts()
    const manufacturers = [...new Set(described.map((d) => d.manufacturer))].sort((a, b) => a.localeCompare(b))
    assert.deepEqual(
      sections,
      manufacturers.map((name) => `${name} Devices`),
    )
    for (const { model, manufacturer } of described) {
      const section = page.locator('.seam-manufacturer-section', { has: page.getByText(`${manufacturer} Devices`) })
      assert.ok(await section.locator('.seam-model-name', { hasText: model }).first().isVisible(), `${manufacturer} ${model}`)
    }
    const august = page.locator('.seam-manufacturer-section', { has: page.getByText('August Devices') })
    const lockRow = august.locator('.seam-row', { hasText: 'Smart Lock Pro' })
    assert.equal(await lockRow.locator('.seam-status-pill').innerText(), 'LIVE')
    assert.equal(await lockRow.locator('.seam-model-id').innerText(), 'wifi')
    // The manufacturer's logo and the model's picture are shown, from inline images.
    for (const image of [august.locator('.seam-manufacturer-image'), lockRow.locator('img')]) {
      assert.match((await image.getAttribute('src')) ?? '', /^data:image\//)
      assert.ok(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
    }
    await screenshot(page, 'supported-device-table')

    // A search the server cannot match: the table asks with text_search and shows its empty answer.
    const searched = page.waitForResponse((r) => new URL(r.url()).searchParams.get('text_search') === 'no such hardware' && r.ok())
    await page.locator('.seam-supported-device-table-filter-area-search-bar input').fill('no such hardware')
    const answer = (await (await searched).json()) as { device_models: unknown[] }
    assert.deepEqual(answer.device_models, [])
    await page.getByText('No device models matched your search.').waitFor()
    assert.equal(await page.locator('.seam-manufacturer-section').count(), 0)

    // A search it can: the lock comes back.
    await page.locator('.seam-supported-device-table-filter-area-search-bar input').fill('lock pro')
    await page.locator('.seam-model-name', { hasText: 'Smart Lock Pro' }).waitFor()

    const devicedbCalls = requested.filter((url) => url.startsWith(`${h.api}/internal/devicedb/v1/`)).map((url) => new URL(url).pathname)
    for (const path of ['manufacturers/list', 'device_models/list'])
      assert.ok(devicedbCalls.includes(`/internal/devicedb/v1/${path}`), path)
    assert.deepEqual(elsewhere(requested), [])
    assert.deepEqual(problems, [])
    await page.close()
  })

  test('excludedManufacturers leaves August out, through the liqe_query the table sends', async () => {
    const { page, problems, requested } = await open({ exclude: 'August' })
    if (described.every((d) => d.manufacturer === 'August')) await page.getByText('No device models found.').waitFor()
    else await page.locator('.seam-manufacturer-name').first().waitFor()
    const query = requested.map((url) => new URL(url).searchParams.get('liqe_query')).find((q) => q !== null)
    assert.equal(query, 'NOT (display_name:"August")')
    assert.equal(await page.getByText('August Devices').count(), 0)
    assert.deepEqual(elsewhere(requested), [])
    assert.deepEqual(problems, [])
    await page.close()
  })
})
