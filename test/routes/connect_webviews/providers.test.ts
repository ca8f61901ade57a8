import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { createWorld, type World } from '../../fixtures/world.ts'

const pathOf = (url: string) => new URL(url).pathname
const createWebview = async (w: World, body: Record<string, unknown> = {}) => {
  const res = await w.api('/connect_webviews/create', body)
  assert.equal(res.status, 200, res.text)
  return res.body.connect_webview
}
const readWebview = async (w: World, id: string) => (await w.api('/connect_webviews/get', { connect_webview_id: id })).body.connect_webview

// Seam's sandbox August logins (its docs: sandbox devices, August locks), and the locks Latchkey gives each (docs/webviews.md).
const AUGUST_USERS = [
  { email: 'jane@example.com', name: 'Jane Doe', locks: ['Back Door', 'Front Door', 'Garage Door'] },
  { email: 'john@example.com', name: 'John Doe', locks: ['Main Entrance', 'Office Door'] },
  { email: 'sam@example.com', name: 'Sam Gamgee', locks: ['Garden Gate', 'Shed Door'] },
  { email: 'frodo@example.com', name: 'Frodo Baggins', locks: ['Round Door'] },
]

describe('sandbox providers by Seam’s names: August', () => {
  test('accepted_providers ["august"]: the page is August’s sign-in form, naming its sample users', async () => {
    const w = await createWorld()
    const webview = await createWebview(w, { accepted_providers: ['august'] })
    assert.deepEqual(webview.accepted_providers, ['august'])
    const page = await w.request({ method: 'GET', url: pathOf(webview.url) })
    assert.equal(page.status, 200)
    assert.match(page.text, /Connect your August account/)
    assert.match(page.text, /<input type="hidden" name="provider" value="august">/)
    for (const user of AUGUST_USERS) assert.match(page.text, new RegExp(user.email.replace('.', '\\.')))
    assert.doesNotMatch(page.text, /No accepted provider/)
  })

  for (const user of AUGUST_USERS) {
    test(`${user.email}: password, then the verification code 123456; an August account with its locks`, async () => {
      const w = await createWorld()
      const webview = await createWebview(w, { accepted_providers: ['august'] })
      const first = await w.signIn(webview.url, user.email, '1234', { code: '' })
      assert.equal(first.status, 200)
      assert.match(first.text, /Enter your verification code/)
      assert.match(first.text, /name="code"/)
      assert.equal((await readWebview(w, webview.connect_webview_id)).status, 'pending', 'the password alone connects nothing')
      assert.deepEqual((await w.api('/connected_accounts/list')).body.connected_accounts, [])

      const second = await w.signIn(webview.url, user.email, '1234', { code: '123456', provider: 'august' })
      assert.equal(second.status, 200)
      assert.match(second.text, /Your account is connected/)
      const after = await readWebview(w, webview.connect_webview_id)
      assert.equal(after.status, 'authorized')
      assert.equal(after.selected_provider, 'august')
      const account = (await w.api('/connected_accounts/get', { connected_account_id: after.connected_account_id })).body.connected_account
      assert.equal(account.provider, 'august')
      assert.equal(account.account_type_display_name, 'August')
      assert.equal(account.display_name, user.name)
      assert.deepEqual(account.user_identifier, { email: user.email })
      const devices = (await w.api('/devices/list', { connected_account_id: account.connected_account_id })).body.devices
      assert.deepEqual(devices.map((d: { display_name: string }) => d.display_name).sort(), user.locks)
      for (const d of devices) {
        assert.equal(d.device_type, 'august_lock')
        assert.equal(d.device_provider.device_provider_name, 'august')
      }
    })
  }

  test('a wrong password answers the sign-in form again, with or without a code; nothing is connected', async () => {
    const w = await createWorld()
    const webview = await createWebview(w, { accepted_providers: ['august'] })
    for (const code of ['', '123456']) {
      const res = await w.signIn(webview.url, 'jane@example.com', '4321', { code })
      assert.equal(res.status, 401)
      assert.match(res.text, /Wrong email or password/)
      assert.doesNotMatch(res.text, /name="code"/, 'no code is asked for before the password is right')
    }
    assert.equal((await readWebview(w, webview.connect_webview_id)).status, 'pending')
    assert.deepEqual((await w.api('/connected_accounts/list')).body.connected_accounts, [])
  })

  test('a wrong verification code answers the code’s form again; the right one then connects', async () => {
    const w = await createWorld()
    const webview = await createWebview(w)
    const wrong = await w.signIn(webview.url, 'john@example.com', '1234', { code: '654321' })
    assert.equal(wrong.status, 401)
    assert.match(wrong.text, /Wrong verification code/)
    assert.match(wrong.text, /<input type="hidden" name="email" value="john@example.com">/)
    assert.equal((await readWebview(w, webview.connect_webview_id)).status, 'pending')
    assert.deepEqual((await w.api('/events/list', { event_type: 'connect_webview.login_succeeded' })).body.events, [])

    const right = await w.signIn(webview.url, 'john@example.com', '1234', { code: '123456' })
    assert.equal(right.status, 200)
    assert.equal((await readWebview(w, webview.connect_webview_id)).status, 'authorized')
  })

  test('several accepted providers: the page asks which, offering those the sandbox simulates', async () => {
    const w = await createWorld()
    const webview = await createWebview(w, { accepted_providers: ['ecobee', 'august', 'schlage'] })
    assert.deepEqual(webview.accepted_providers, ['ecobee', 'august', 'schlage'])
    const page = await w.request({ method: 'GET', url: pathOf(webview.url) })
    assert.equal(page.status, 200)
    assert.match(page.text, /Choose the provider of your devices/)
    assert.match(page.text, /\?provider=august"/)
    assert.match(page.text, /\?provider=ecobee"/)
    assert.doesNotMatch(page.text, /provider=schlage/)
    const chosen = await w.request({ method: 'GET', url: `${pathOf(webview.url)}?provider=august` })
    assert.equal(chosen.status, 200)
    assert.match(chosen.text, /Connect your August account/)
    // One not simulated, asked for by name: not offered.
    assert.equal((await w.request({ method: 'GET', url: `${pathOf(webview.url)}?provider=schlage` })).status, 403)
    assert.equal((await w.signIn(webview.url, 'jane@example.com', '1234', { provider: 'schlage' })).status, 403)
    assert.equal((await w.signIn(webview.url, 'jane@example.com', '1234', { provider: 'august' })).status, 200)
    assert.equal((await readWebview(w, webview.connect_webview_id)).selected_provider, 'august')
  })

  test('a webview accepting a provider the sandbox does not simulate does not take August’s users', async () => {
    const w = await createWorld()
    const webview = await createWebview(w, { accepted_providers: ['schlage'] })
    const res = await w.signIn(webview.url, 'jane@example.com', '1234', { provider: 'august' })
    assert.equal(res.status, 403)
    assert.equal((await readWebview(w, webview.connect_webview_id)).status, 'pending')
  })

  test('a webview stored when the provider was called "sandbox" still signs in to August', async () => {
    const w = await createWorld()
    const webview = await createWebview(w, { accepted_providers: ['sandbox'] })
    assert.match((await w.request({ method: 'GET', url: pathOf(webview.url) })).text, /Connect your August account/)
    assert.equal((await w.signIn(webview.url, 'sam@example.com', '1234')).status, 200)
    assert.equal((await readWebview(w, webview.connect_webview_id)).selected_provider, 'august')
  })

  test('devices/list_device_providers lists the registry’s providers', async () => {
    const w = await createWorld()
    const res = await w.api('/devices/list_device_providers', {})
    assert.equal(res.status, 200)
    assert.deepEqual(
      res.body.device_providers.map((p: { device_provider_name: string }) => p.device_provider_name),
      ['august', 'ecobee', 'minut', 'salto_space', 'salto_ks'],
    )
    const thermostats = (await w.api('/devices/list_device_providers', { provider_category: 'thermostats' })).body.device_providers
    assert.deepEqual(
      thermostats.map((p: { device_provider_name: string }) => p.device_provider_name),
      ['ecobee'],
    )
    assert.equal(thermostats[0].can_hvac_heat, true)
    assert.equal(thermostats[0].can_remotely_lock, undefined, 'a thermostat provider carries no lock flag')
    const noise = (await w.api('/devices/list_device_providers', { provider_category: 'noise_sensors' })).body.device_providers
    assert.deepEqual(
      noise.map((p: { device_provider_name: string }) => p.device_provider_name),
      ['minut'],
    )
    assert.equal(noise[0].can_remotely_lock, undefined, 'a noise-sensor provider carries no lock flag')
    const acs = (await w.api('/devices/list_device_providers', { provider_category: 'access_control_systems' })).body.device_providers
    assert.deepEqual(
      acs.map((p: { device_provider_name: string }) => p.device_provider_name),
      ['salto_space', 'salto_ks'],
    )
  })
})

describe('sandbox providers by Seam’s names: Minut', () => {
  test('accepted_providers ["minut"]: the page is Minut’s sign-in form, saying which addresses work', async () => {
    const w = await createWorld()
    const webview = await createWebview(w, { accepted_providers: ['minut'] })
    const page = await w.request({ method: 'GET', url: pathOf(webview.url) })
    assert.equal(page.status, 200)
    assert.match(page.text, /Connect your Minut account/)
    assert.match(page.text, /any @example\.com address \(password 1234\)/)
  })

  for (const [email, name] of [
    ['jane@example.com', 'Jane'],
    ['Mary.Ann@Example.com', 'Mary Ann'],
  ] as const) {
    test(`${email}: password 1234 alone connects a Minut account with two sensors`, async () => {
      const w = await createWorld()
      const webview = await createWebview(w, { accepted_providers: ['minut'] })
      const res = await w.signIn(webview.url, email, '1234', { code: '' })
      assert.equal(res.status, 200)
      assert.match(res.text, /Your account is connected/)
      const after = await readWebview(w, webview.connect_webview_id)
      assert.equal(after.selected_provider, 'minut')
      const account = (await w.api('/connected_accounts/get', { connected_account_id: after.connected_account_id })).body.connected_account
      assert.equal(account.provider, 'minut')
      assert.equal(account.display_name, name)
      assert.deepEqual(account.user_identifier, { email: email.toLowerCase() })
      const devices = (await w.api('/devices/list', { connected_account_id: account.connected_account_id })).body.devices
      assert.deepEqual(devices.map((d: { display_name: string }) => d.display_name).sort(), ['Bedroom', 'Living Room'])
      for (const d of devices) assert.equal(d.device_type, 'minut_sensor')
    })
  }

  test('another domain, a bare domain or a wrong password: the form again, nothing connected', async () => {
    const w = await createWorld()
    const webview = await createWebview(w, { accepted_providers: ['minut'] })
    for (const [email, password] of [
      ['jane@example.org', '1234'],
      ['@example.com', '1234'],
      ['jane@example.com.evil.test', '1234'],
      ['jane@example.com', '4321'],
    ]) {
      const res = await w.signIn(webview.url, email as string, password as string, { code: '' })
      assert.equal(res.status, 401, email)
      assert.match(res.text, /Wrong email or password/)
    }
    assert.deepEqual((await w.api('/connected_accounts/list')).body.connected_accounts, [])
  })

  test('a form naming no provider signs in to the first offered one that knows the credentials', async () => {
    const w = await createWorld()
    // jane@ is both an August and a Minut login: August comes first and asks for its code.
    const both = await createWebview(w)
    assert.match((await w.signIn(both.url, 'jane@example.com', '1234', { code: '' })).text, /Enter your verification code/)
    // alice@ is only Minut's.
    assert.equal((await w.signIn(both.url, 'alice@example.com', '1234', { code: '' })).status, 200)
    assert.equal((await readWebview(w, both.connect_webview_id)).selected_provider, 'minut')
  })
})
