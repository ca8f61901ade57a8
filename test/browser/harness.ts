import { after, before } from 'node:test'

import type { Browser } from 'playwright-core'

import { createWorld, type World } from '../fixtures/world.ts'
import { launchChromium } from './chromium.ts'
import { type PageServer, servePage } from './page-server.ts'

export interface BrowserHarness {
  w: World
  /** The API's origin, on 127.0.0.1. */
  api: string
  /** The page's server, on localhost: another origin. */
  pages: PageServer
  browser: Browser
}

/**
 * For a suite: a world listening on a real port, a page bundle served from another origin, and
 * Chromium, all started before the suite's tests and stopped after them. Read the fields inside tests.
 */
export const useBrowserHarness = (pageEntry: string): BrowserHarness => {
  const harness = {} as BrowserHarness
  before(async () => {
    harness.w = await createWorld({ manualDispose: true })
    harness.api = await harness.w.app.listen({ host: '127.0.0.1', port: 0 })
    harness.pages = await servePage(pageEntry)
    harness.browser = await launchChromium()
  })
  after(async () => {
    await harness.browser?.close()
    await harness.pages?.close()
    await harness.w?.dispose()
  })
  return harness
}
