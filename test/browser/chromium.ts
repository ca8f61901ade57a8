import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'

import { type Browser, chromium, type Page } from 'playwright-core'

const CANDIDATES = (
  process.env.LATCHKEY_CHROMIUM !== undefined ? [process.env.LATCHKEY_CHROMIUM] : ['/usr/bin/chromium', '/usr/bin/chromium-browser']
).filter((path): path is string => path !== undefined && path !== '')
const executablePath = CANDIDATES.find((path) => existsSync(path))

/** false when Chromium is here; otherwise why the browser tests cannot run (printed, never silent). */
export const skipWithoutChromium: string | false =
  executablePath === undefined ? `no Chromium at ${CANDIDATES.join(', ')} (.ci/run installs the Debian package chromium)` : false
// eslint-disable-next-line no-console -- CI output must say why the browser test did not run
if (skipWithoutChromium !== false) console.log(`# browser test skipped: ${skipWithoutChromium}`)

/** Where screenshots go, for a person to open after a run (ignored by git). */
export const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts', 'browser')

export const launchChromium = (): Promise<Browser> =>
  // --no-sandbox: CI runs as root, where Chromium's own sandbox cannot start.
  chromium.launch({ executablePath: executablePath as string, headless: true, args: ['--no-sandbox'] })

/** Saves a full-page screenshot under test-artifacts/browser/ and returns its path. */
export const screenshot = async (page: Page, name: string): Promise<string> => {
  mkdirSync(ARTIFACTS, { recursive: true })
  const path = join(ARTIFACTS, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}

/**
 * What went wrong in a page: console errors, uncaught exceptions, and requests that failed (not
 * those the page aborted itself) or answered 4xx/5xx. A test asserts this is empty after the page did its work.
 */
export const watchForProblems = (page: Page): string[] => {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`))
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? ''
    // net::ERR_ABORTED is the page cancelling its own request (Seam Components drop a poll
    // still in flight when they refetch or unmount): it says nothing about the server, and how
    // often it happens depends on timing. A server that resets or drops a connection shows up
    // as another reason (ERR_CONNECTION_RESET, ERR_EMPTY_RESPONSE), and an error answer as a
    // status below.
    if (reason === 'net::ERR_ABORTED') return
    problems.push(`failed: ${request.method()} ${request.url()} ${reason}`)
  })
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`status ${response.status()}: ${response.request().method()} ${response.url()}`)
  })
  return problems
}
