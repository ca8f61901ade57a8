import assert from 'node:assert/strict'
import { test } from 'node:test'

import { createWorld } from '../fixtures/world.ts'
import { launchChromium, screenshot, skipWithoutChromium as skip } from './chromium.ts'

test(
  'a real browser signs jane in to August through the webview, code step included; the session then counts her 3 locks',
  { skip, timeout: 60_000 },
  async () => {
    const w = await createWorld()
    const origin = await w.app.listen({ host: '127.0.0.1', port: 0 })
    // Over the socket, so the webview url names the address the browser will open.
    const created = await fetch(`${origin}/connect_webviews/create`, {
      method: 'POST',
      headers: { ...w.as.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ accepted_providers: ['august'] }),
    })
    const { connect_webview: webview } = (await created.json()) as { connect_webview: { url: string; connect_webview_id: string } }
    const session = await w.session({ user_identifier_key: 'browser-jane', connect_webview_ids: [webview.connect_webview_id] })
    assert.equal(session.device_count, 0)
    assert.ok(webview.url.startsWith(origin), 'the url is on the listening server')

    const browser = await launchChromium()
    try {
      const page = await browser.newPage({ javaScriptEnabled: false })
      const response = await page.goto(webview.url)
      assert.equal(response?.status(), 200)
      await page.waitForSelector('text=Connect your August account')
      await screenshot(page, 'webview-august-sign-in')
      await page.fill('input[name="email"]', 'jane@example.com')
      await page.fill('input[name="password"]', '0000')
      await Promise.all([page.waitForLoadState('load'), page.click('button[type="submit"]')])
      assert.match((await page.textContent('body')) ?? '', /Wrong email or password/)

      // August's second step: the verification code, then the account is connected.
      await page.fill('input[name="password"]', '1234')
      await Promise.all([page.waitForURL(webview.url), page.click('button[type="submit"]')])
      await page.waitForSelector('text=Enter your verification code')
      await page.fill('input[name="code"]', '000000')
      await Promise.all([page.waitForLoadState('load'), page.click('button[type="submit"]')])
      assert.match((await page.textContent('body')) ?? '', /Wrong verification code/)
      await screenshot(page, 'webview-august-verification')
      await page.fill('input[name="code"]', '123456')
      await Promise.all([page.waitForLoadState('load'), page.click('button[type="submit"]')])
      await page.waitForSelector('text=Your account is connected')
      await screenshot(page, 'webview-connected')
    } finally {
      await browser.close()
    }
    const after = (await w.api('/client_sessions/get', {}, w.as.cst(session.token))).body.client_session
    assert.equal(after.device_count, 3)
  },
)

test(
  'a real browser connects a Salto Space site through the webview: pairing token, username and password; its entrances are then listed',
  { skip, timeout: 60_000 },
  async () => {
    const w = await createWorld()
    const origin = await w.app.listen({ host: '127.0.0.1', port: 0 })
    const created = await fetch(`${origin}/connect_webviews/create`, {
      method: 'POST',
      headers: { ...w.as.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ accepted_providers: ['salto_space'] }),
    })
    const { connect_webview: webview } = (await created.json()) as { connect_webview: { url: string } }
    const browser = await launchChromium()
    try {
      const page = await browser.newPage({ javaScriptEnabled: false })
      assert.equal((await page.goto(webview.url))?.status(), 200)
      await page.waitForSelector('input[name="bridge_pairing_token"]')
      await page.fill('input[name="bridge_pairing_token"]', '123456')
      await page.fill('input[name="username"]', 'jane')
      await page.fill('input[name="password"]', '1234')
      await screenshot(page, 'webview-salto-space-sign-in')
      await Promise.all([page.waitForLoadState('load'), page.click('button[type="submit"]')])
      await page.waitForSelector('text=Your account is connected')
    } finally {
      await browser.close()
    }
    const entrances = (await w.api('/acs/entrances/list', {})).body.acs_entrances as { display_name: string }[]
    assert.deepEqual(entrances.map((e) => e.display_name).sort(), ['Gym', 'Main Entrance', 'Room 101', 'Room 102'])
  },
)
