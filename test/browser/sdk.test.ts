import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { screenshot, skipWithoutChromium, watchForProblems } from './chromium.ts'
import { useBrowserHarness } from './harness.ts'

/**
 * The official SDK (v1 and v2) in a real Chromium, from a page on another origin than the API:
 * what a front end does with a client session token or a publishable key.
 */
describe('the official SDK in a browser, cross-origin', { skip: skipWithoutChromium }, () => {
  const h = useBrowserHarness('sdk-page.ts')

  /** Jane's session: her three sandbox locks, reached through a webview she signed in to. */
  const janeSession = async (key: string) => {
    const webview = (await h.w.api('/connect_webviews/create', {})).body.connect_webview
    assert.equal((await h.w.signIn(webview.url, 'jane@example.com', '1234')).status, 200)
    return h.w.session({ user_identifier_key: key, connect_webview_ids: [webview.connect_webview_id] })
  }

  for (const version of [1, 2] as const) {
    test(`SDK v${version}: token and publishable-key clients read, unlock and lock; a revoked token is SeamHttpUnauthorizedError`, async () => {
      const session = await janeSession(`browser-v${version}`)
      const page = await h.browser.newPage()
      const problems = watchForProblems(page)
      await page.goto(h.pages.origin)
      await page.waitForSelector('body[data-ready="true"]', { state: 'attached' })
      const trial = {
        version,
        endpoint: h.api,
        token: session.token,
        publishableKey: h.w.ws.publishable_key,
        userIdentifierKey: `pk-user-v${version}`,
      }
      const result = await page.evaluate((t) => (globalThis as any).latchkey.runTrial(t), trial) // eslint-disable-line @typescript-eslint/no-explicit-any
      assert.equal(result.sessionId, session.client_session_id)
      assert.deepEqual(result.lockNames, ['Back Door', 'Front Door', 'Garage Door'])
      assert.deepEqual(result.unlockAttempt, { type: 'UNLOCK_DOOR', status: 'success' })
      assert.equal(result.lockedAfterUnlock, false)
      assert.deepEqual(result.lockAttempt, { type: 'LOCK_DOOR', status: 'success' })
      assert.equal(result.lockedAfterLock, true)
      assert.deepEqual(result.publishableKeySession, { key: `pk-user-v${version}`, token: 'seam_cst1' })
      assert.equal(result.publishableKeyLockCount, 0)

      await h.w.api('/client_sessions/revoke', { client_session_id: session.client_session_id })
      const revoked = await page.evaluate((t) => (globalThis as any).latchkey.revokedError(t), trial) // eslint-disable-line @typescript-eslint/no-explicit-any
      assert.equal(revoked, 'SeamHttpUnauthorizedError')
      await page.evaluate(
        (r) => {
          document.body.innerHTML = '<h1>SDK in the browser</h1><pre></pre>'
          ;(document.querySelector('pre') as HTMLElement).textContent = JSON.stringify(r, null, 2)
        },
        { ...result, revoked },
      )
      await screenshot(page, `sdk-v${version}`)
      // The revoked call's 401 is the one failed request, and expected.
      assert.deepEqual(
        problems.filter(
          (p) =>
            !/status 401: GET .*\/client_sessions\/get|status 401: POST .*\/client_sessions\/get|the server responded with a status of 401/.test(
              p,
            ),
        ),
        [],
      )
      await page.close()
    })
  }
})
