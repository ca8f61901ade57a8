import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'

import { launchChromium, screenshot, skipWithoutChromium, watchForProblems } from '../browser/chromium.ts'
import { call, startServerProcess } from '../fixtures/cli.ts'

const root = new URL('../../', import.meta.url).pathname

/** The example's backend, as `npm run example` starts it, on a free port; resolves with its URL. */
const startExample = async (env: Record<string, string>): Promise<string> => {
  const child = spawn(process.execPath, [join(root, 'examples/app/server.mjs')], { env: { ...process.env, ...env, PORT: '0' } })
  after(() => {
    if (child.exitCode === null) child.kill('SIGKILL')
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  for (let i = 0; i < 600 && !/Example app on (\S+),/.test(output) && child.exitCode === null; i++)
    await new Promise((resolve) => setTimeout(resolve, 50))
  const url = /Example app on (\S+),/.exec(output)?.[1]
  if (url === undefined) throw new Error(`the example did not start: ${output}`)
  return url
}

test(
  'the example app: sign in, connect sandbox accounts, unlock a lock and heat a room with the SDK, then Seam Components show the devices',
  { skip: skipWithoutChromium, timeout: 180_000 },
  async () => {
    // Latchkey as `npm start` runs it (a first start, with its sandbox keys file), in a directory of its own.
    const cwd = mkdtempSync(join(tmpdir(), 'latchkey-example-'))
    after(() => rmSync(cwd, { recursive: true, force: true }))
    const latchkey = await startServerProcess(null, { LATCHKEY_SECRET: '' }, { cwd })
    const { api_key: apiKey } = JSON.parse(readFileSync(join(cwd, 'data/latchkey.sqlite.sandbox-keys.json'), 'utf8')) as { api_key: string }

    // npm run example:build, then the backend with SEAM_ENDPOINT and SEAM_API_KEY.
    const build = spawnSync(process.execPath, [join(root, 'examples/app/build.mjs')], { encoding: 'utf8', timeout: 120_000 })
    assert.equal(build.status, 0, build.stderr)
    const app = await startExample({ SEAM_ENDPOINT: latchkey.url, SEAM_API_KEY: apiKey })

    const browser = await launchChromium()
    after(() => browser.close())
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } })
    const problems = watchForProblems(page)
    // Every request the pages make goes to the example's backend or to Latchkey: no telemetry, no fonts from elsewhere.
    const elsewhere: string[] = []
    const allowed = [new URL(app).origin, new URL(latchkey.url).origin]
    page.on('request', (request) => {
      if (!allowed.includes(new URL(request.url()).origin)) elsewhere.push(request.url())
    })

    await page.goto(app)
    await page.fill('input[name="user"]', 'jane')
    await Promise.all([page.waitForURL(`${app}/`), page.click('button:has-text("Sign in")')])
    await page.getByText('Signed in as jane').waitFor()
    await screenshot(page, 'example-home')

    // The SDK page: no devices until jane connects an account through a webview her session created.
    await page.click("text=Your locks and thermostats, with Seam's SDK")
    await page.getByText('No devices yet').waitFor()
    await page.click('button:has-text("Connect a sandbox account")')
    // The webview offers every sandbox provider; jane's locks are August's.
    await page.getByText('Choose the provider of your devices.').waitFor()
    await screenshot(page, 'example-webview-providers')
    await page.getByRole('link', { name: 'August' }).click()
    await page.waitForSelector('input[name="email"]')
    await page.fill('input[name="email"]', 'jane@example.com')
    await page.fill('input[name="password"]', '1234')
    await Promise.all([page.waitForLoadState('load'), page.click('button[type="submit"]')])
    await page.fill('input[name="code"]', '123456')
    await Promise.all([page.waitForURL(`${app}/sdk.html`), page.click('button[type="submit"]')])
    await page.getByText('Your locks (3)').waitFor()
    assert.ok(await page.getByText('No thermostats').isVisible())
    await screenshot(page, 'example-sdk-locks')
    await page.click('button:has-text("Unlock Front Door")')
    await page.getByRole('button', { name: 'Lock Front Door', exact: true }).waitFor()
    assert.equal(await page.getByRole('button', { name: 'Unlock Front Door', exact: true }).count(), 0)
    await screenshot(page, 'example-sdk-unlocked')

    // Her thermostats are ecobee's: a second account, through a second webview, joins the same session.
    await page.click('button:has-text("Connect another account")')
    await page.getByRole('link', { name: 'ecobee' }).click()
    await page.waitForSelector('input[name="email"]')
    await page.fill('input[name="email"]', 'jane@example.com')
    await page.fill('input[name="password"]', '1234')
    await Promise.all([page.waitForURL(`${app}/sdk.html`), page.click('button[type="submit"]')])
    await page.getByText('Your thermostats (2)').waitFor()
    assert.ok(await page.getByText('Your locks (3)').isVisible(), 'the locks stay beside the thermostats')
    await page.click('button:has-text("Heat Living Room to 70 °F")')
    await page.getByText('Heat to 70 °F').waitFor()
    await screenshot(page, 'example-sdk-thermostats')

    // What the backend minted: one session per user, and through it the lock is unlocked.
    const session = (
      await call(latchkey.url, '/client_sessions/get', { user_identifier_key: 'jane' }, { authorization: `Bearer ${apiKey}` })
    ).body.client_session
    const locks = (await call(latchkey.url, '/locks/list', {}, { authorization: `Bearer ${session.token}` })).body.locks as {
      display_name: string
      properties: { locked: boolean }
    }[]
    assert.equal(locks.length, 3)
    assert.equal(locks.find((l) => l.display_name === 'Front Door')?.properties.locked, false)
    const thermostats = (await call(latchkey.url, '/thermostats/list', {}, { authorization: `Bearer ${session.token}` })).body.devices as {
      display_name: string
      properties: { current_climate_setting: Record<string, unknown> }
    }[]
    const livingRoom = thermostats.find((t) => t.display_name === 'Living Room')?.properties.current_climate_setting
    assert.equal(livingRoom?.hvac_mode_setting, 'heat')
    assert.equal(livingRoom?.heating_set_point_fahrenheit, 70)

    // The Seam Components page: the device table, then a lock's details and its access codes.
    await page.goto(`${app}/components.html`)
    await page.getByText('Front Door').first().waitFor()
    for (const name of ['Front Door', 'Back Door', 'Garage Door']) assert.ok(await page.getByText(name).first().isVisible(), name)
    await screenshot(page, 'example-components-table')
    await page.getByText('Back Door').first().click()
    await page.getByText('Lock status', { exact: true }).waitFor()
    await page.getByText('Access Codes').or(page.getByText('access codes')).first().waitFor()
    await screenshot(page, 'example-components-details')

    assert.deepEqual(problems, [])
    assert.deepEqual(elsewhere, [])
    assert.equal(await latchkey.stop(), 0)
  },
)
