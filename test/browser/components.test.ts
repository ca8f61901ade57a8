import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import type { Browser, Page } from 'playwright-core'

import { createWorld, type World } from '../fixtures/world.ts'
import { launchChromium, screenshot, skipWithoutChromium, watchForProblems } from './chromium.ts'
import { type PageServer, servePage } from './page-server.ts'

/**
 * Seam Components (@seamapi/react 4.14.2, unmodified) in Chromium against Latchkey, from a page
 * on another origin: the device table, a lock's details with its lock control, and its access codes.
 */
describe('Seam Components in a browser, cross-origin', { skip: skipWithoutChromium }, () => {
  let w: World
  let api: string
  let pages: PageServer
  let browser: Browser

  before(async () => {
    w = await createWorld({ manualDispose: true })
    api = await w.app.listen({ host: '127.0.0.1', port: 0 })
    pages = await servePage('components-page.ts')
    browser = await launchChromium()
  })
  after(async () => {
    await browser?.close()
    await pages?.close()
    await w?.dispose()
  })

  const openAs = async (token: string): Promise<{ page: Page; problems: string[] }> => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } })
    const problems = watchForProblems(page)
    await page.goto(`${pages.origin}/?${new URLSearchParams({ endpoint: api, token })}`)
    return { page, problems }
  }

  test('DeviceTable lists exactly the session’s locks; DeviceDetails locks and unlocks; access codes are listed and created', async () => {
    // Jane's three locks are in the session's scope; John's two are in the workspace but not in it.
    const janeView = (await w.api('/connect_webviews/create', {})).body.connect_webview
    await w.signIn(janeView.url, 'jane@example.com', '1234')
    const johnView = (await w.api('/connect_webviews/create', {})).body.connect_webview
    await w.signIn(johnView.url, 'john@example.com', '1234')
    const session = await w.session({ user_identifier_key: 'components-jane', connect_webview_ids: [janeView.connect_webview_id] })

    const { page, problems } = await openAs(session.token)
    await page.getByText('Front Door').first().waitFor()
    for (const name of ['Front Door', 'Back Door', 'Garage Door']) assert.ok(await page.getByText(name).first().isVisible(), name)
    for (const name of ['Main Entrance', 'Office Door']) assert.equal(await page.getByText(name).count(), 0, name)
    await screenshot(page, 'components-device-table')

    await page.getByText('Front Door').first().click()
    await page.getByText('Locked').first().waitFor()
    await screenshot(page, 'components-device-details')
    assert.deepEqual(problems, [])
    await page.close()
  })
})
