import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { ROUTES } from '../../src/routes/index.ts'
import { createWorld, type Response, type World } from '../fixtures/world.ts'
import { describeErrors, SEAM_PATH_COUNT, seamResponseValidator } from '../fixtures/seam-openapi.ts'
import { callThermostatRoutes } from './seam-openapi-thermostats.ts'
import { callThermostatProgramRoutes } from './seam-openapi-thermostat-programs.ts'
import { callAcsCredentialRoutes } from './seam-openapi-acs-credentials.ts'
// User identities' access control, phones and instant keys.
import { callUserIdentityAccessRoutes } from './seam-openapi-user-identities.ts'
// Access control.
import { callAcsRoutes } from './seam-openapi-acs.ts'
// Access control: reports of on-premise systems.
import { callAcsReportRoutes } from './seam-openapi-acs-reports.ts'

/** Signs a sandbox person in through a new webview; returns the webview and the account it connected. */
const connect = async (w: World, email: string) => {
  const webview = (await w.api('/connect_webviews/create', {})).body.connect_webview
  assert.equal((await w.signIn(webview.url, email, '1234')).status, 200)
  const accounts = (await w.api('/connected_accounts/list')).body.connected_accounts as {
    connected_account_id: string
    user_identifier: { email: string }
  }[]
  const account = accounts.find((a) => a.user_identifier.email === email)
  assert.ok(account)
  return { webviewId: webview.connect_webview_id as string, accountId: account.connected_account_id }
}

describe("every route's success answers Seam's own OpenAPI schema", () => {
  test(`validated against @seamapi/types (${SEAM_PATH_COUNT} paths)`, { timeout: 600_000 }, async () => {
    const w = await createWorld()
    const called = new Set<string>()
    const checked: string[] = []

    /** Calls a route the way its first listed method does, and validates the 200 answer. */
    const call = async (path: string, body: Record<string, unknown> = {}, headers = w.as.apiKey) => {
      const route = ROUTES.find((r) => r.path === path)
      assert.ok(route, `no route ${path}`)
      const method = route.methods[0] ?? 'POST'
      const res =
        method === 'GET' || method === 'DELETE'
          ? await w.request({ method, url: `${path}?${new URLSearchParams(body as Record<string, string>)}`, headers })
          : await w.request({ method, url: path, payload: body, headers })
      assert.equal(res.status, 200, `${method} ${path}: ${res.text}`)
      const validate = seamResponseValidator(path, method)
      assert.ok(validate, `Seam's document has no ${path}`)
      assert.ok(
        validate(res.body),
        `${path} does not match Seam's schema:\n${describeErrors(validate)}\n${JSON.stringify(res.body).slice(0, 600)}`,
      )
      called.add(path)
      checked.push(path)
      return res.body as Response['body']
    }

    const jane = await connect(w, 'jane@example.com')
    const john = await connect(w, 'john@example.com')
    const identity = (
      await call('/user_identities/create', { user_identity_key: 'jane', email_address: 'jane@example.com', full_name: 'Jane Doe' })
    ).user_identity
    const spareIdentity = (await call('/user_identities/create', { user_identity_key: 'spare' })).user_identity
    await call('/user_identities/get', { user_identity_id: identity.user_identity_id })
    await call('/user_identities/list')

    const session = (
      await call('/client_sessions/create', {
        user_identifier_key: 'jane',
        connected_account_ids: [jane.accountId],
        connect_webview_ids: [jane.webviewId],
        user_identity_id: identity.user_identity_id,
      })
    ).client_session
    await call('/client_sessions/get', { client_session_id: session.client_session_id })
    await call('/client_sessions/get', { client_session_id: session.client_session_id }, w.as.cst(session.token))
    await call('/client_sessions/get_or_create', { user_identifier_key: 'jane' })
    await call('/client_sessions/grant_access', { client_session_id: session.client_session_id, connected_account_ids: [john.accountId] })
    await call('/client_sessions/list')
    const doomed = (await call('/client_sessions/create', { user_identifier_key: 'doomed' })).client_session
    await call('/client_sessions/revoke', { client_session_id: doomed.client_session_id })
    await call('/client_sessions/delete', { client_session_id: doomed.client_session_id })

    await call('/workspaces/get')
    const webhook = (await call('/webhooks/create', { url: 'https://hooks.example.com/seam', event_types: ['lock.unlocked'] })).webhook
    await call('/webhooks/get', { webhook_id: webhook.webhook_id })
    await call('/webhooks/list')
    await call('/webhooks/update', { webhook_id: webhook.webhook_id, event_types: ['lock.locked'] })
    await call('/webhooks/delete', { webhook_id: webhook.webhook_id })
    await call('/workspaces/list')
    await call('/workspaces/list', {}, { authorization: w.as.pat.authorization as string })
    await call('/workspaces/create', { name: 'Initech', is_sandbox: true }, { authorization: w.as.pat.authorization as string })
    const webview = (await call('/connect_webviews/create', { custom_metadata: { plan: 'gold' } })).connect_webview
    await call('/connect_webviews/get', { connect_webview_id: jane.webviewId })
    await call('/connect_webviews/list')
    await call('/connect_webviews/delete', { connect_webview_id: webview.connect_webview_id })
    await call('/connected_accounts/get', { connected_account_id: jane.accountId })
    await call('/connected_accounts/list')

    const cst = w.as.cst(session.token)
    const devices = (await call('/devices/list', {}, cst)).devices
    const lockId = devices[0].device_id as string
    await call('/devices/get', { device_id: lockId }, cst)
    await call('/devices/update', { device_id: lockId, name: 'Front Door (main)' }, cst)
    await call('/devices/list_device_providers', {}, cst)
    await call('/locks/list', {}, cst)
    await call('/locks/get', { device_id: lockId }, cst)
    const unlock = (await call('/locks/unlock_door', { device_id: lockId }, cst)).action_attempt
    await call('/locks/lock_door', { device_id: lockId }, cst)
    await call('/action_attempts/get', { action_attempt_id: unlock.action_attempt_id }, cst)
    await call('/action_attempts/list', { device_id: lockId })

    const ongoing = (await call('/access_codes/create', { device_id: lockId, name: 'Cleaner', code: '4821' }, cst)).access_code
    const now = w.clock.now().getTime()
    await call(
      '/access_codes/create',
      {
        device_id: lockId,
        name: 'Guest',
        starts_at: new Date(now + 3_600_000).toISOString(),
        ends_at: new Date(now + 7_200_000).toISOString(),
      },
      cst,
    )
    await call('/access_codes/generate_code', { device_id: lockId }, cst)
    await call('/access_codes/list', { device_id: lockId }, cst)
    await call('/access_codes/get', { access_code_id: ongoing.access_code_id }, cst)
    await call('/access_codes/update', { access_code_id: ongoing.access_code_id, name: 'Cleaner (Tuesdays)' }, cst)
    await call('/access_codes/delete', { access_code_id: ongoing.access_code_id }, cst)

    // Keypad simulation, auto-lock, unmanaged, linked and backup access codes. Seam lets only keys drive the keypad.
    await call('/locks/simulate/keypad_code_entry', { device_id: lockId, code: '4821' })
    await call('/locks/simulate/keypad_code_entry', { device_id: lockId, code: '0000' })
    await call('/locks/simulate/manual_lock_via_keypad', { device_id: lockId })
    await call('/locks/configure_auto_lock', { device_id: lockId, auto_lock_enabled: true, auto_lock_delay_seconds: 30 }, cst)
    const unmanagedBody = { device_id: lockId, name: 'Old PIN', code: '97531' }
    const unmanaged = (await call('/access_codes/simulate/create_unmanaged_access_code', unmanagedBody, cst)).access_code
    await call('/access_codes/unmanaged/get', { access_code_id: unmanaged.access_code_id }, cst)
    await call('/access_codes/unmanaged/list', { device_id: lockId }, cst)
    await call('/access_codes/unmanaged/update', { access_code_id: unmanaged.access_code_id, is_managed: false }, cst)
    await call('/access_codes/unmanaged/convert_to_managed', { access_code_id: unmanaged.access_code_id }, cst)
    const spareBody = { device_id: lockId, name: 'Spare PIN', code: '86420' }
    const spare = (await call('/access_codes/simulate/create_unmanaged_access_code', spareBody, cst)).access_code
    await call('/access_codes/unmanaged/delete', { access_code_id: spare.access_code_id }, cst)
    const window = { starts_at: new Date(now + 3_600_000).toISOString(), ends_at: new Date(now + 7_200_000).toISOString() }
    const linkedBody = { device_ids: [lockId, devices[1].device_id], name: 'Family', ...window }
    const linked = (await call('/access_codes/create_multiple', linkedBody, cst)).access_codes
    await call('/access_codes/update_multiple', { common_code_key: linked[0].common_code_key, name: 'Family (summer)' }, cst)
    await call('/access_codes/pull_backup_access_code', { access_code_id: linked[0].access_code_id }, cst)
    await call('/access_codes/report_device_constraints', { device_id: lockId, min_code_length: 4, max_code_length: 6 }, cst)
    await call('/locks/get', { device_id: lockId }, cst)
    // Device simulation and unmanaged devices (contract §10): every condition is read back and validated too.
    const [, spareLock, doomedLock] = devices as { device_id: string }[]
    assert.ok(spareLock && doomedLock)
    await call('/devices/simulate/disconnect', { device_id: lockId })
    await call('/devices/simulate/disconnect_from_hub', { device_id: lockId })
    await call('/devices/simulate/paid_subscription', { device_id: lockId, is_expired: true })
    await call('/devices/get', { device_id: lockId })
    await call('/devices/simulate/connect', { device_id: lockId })
    await call('/devices/simulate/connect_to_hub', { device_id: lockId })
    await call('/devices/simulate/paid_subscription', { device_id: lockId, is_expired: false })
    await call('/devices/report_provider_metadata', { devices: [{ device_id: lockId }] })
    await call('/devices/update', { device_id: spareLock.device_id, is_managed: false }, cst)
    await call('/devices/unmanaged/list')
    await call('/devices/simulate/disconnect', { device_id: spareLock.device_id })
    await call('/devices/unmanaged/get', { device_id: spareLock.device_id }, cst)
    await call('/devices/unmanaged/update', { device_id: spareLock.device_id, is_managed: true })
    await call('/devices/simulate/remove', { device_id: spareLock.device_id })
    await call('/devices/delete', { device_id: doomedLock.device_id })
    await call('/connected_accounts/update', { connected_account_id: jane.accountId, custom_metadata: { team: 'ci' } })
    await call('/connected_accounts/sync', { connected_account_id: jane.accountId })
    await call('/connected_accounts/simulate/disconnect', { connected_account_id: jane.accountId })
    await call('/connected_accounts/get', { connected_account_id: jane.accountId })
    await call('/devices/list', { connected_account_id: jane.accountId })

    // Noise sensors: Minut's sensors for any example.com address, their thresholds, a simulated noise.
    const minutView = (await call('/connect_webviews/create', { accepted_providers: ['minut'] })).connect_webview
    assert.equal((await w.signIn(minutView.url, 'host@example.com', '1234', { code: '' })).status, 200)
    const minutSession = (
      await call('/client_sessions/create', { user_identifier_key: 'host', connect_webview_ids: [minutView.connect_webview_id] })
    ).client_session
    const hostCst = w.as.cst(minutSession.token)
    const sensorId = (await call('/noise_sensors/list', {}, hostCst)).noise_sensors[0].device_id as string
    await call('/noise_sensors/noise_thresholds/list', { device_id: sensorId }, hostCst)
    const threshold = (
      await call('/noise_sensors/noise_thresholds/create', {
        device_id: sensorId,
        name: 'Curfew',
        starts_daily_at: '23:00:00[America/Los_Angeles]',
        ends_daily_at: '07:00:00[America/Los_Angeles]',
        noise_threshold_decibels: 65,
      })
    ).noise_threshold
    await call('/noise_sensors/noise_thresholds/get', { noise_threshold_id: threshold.noise_threshold_id })
    await call('/noise_sensors/noise_thresholds/update', {
      device_id: sensorId,
      noise_threshold_id: threshold.noise_threshold_id,
      noise_threshold_nrs: 40,
    })
    await call('/noise_sensors/simulate/trigger_noise_threshold', { device_id: sensorId })
    await call('/devices/get', { device_id: sensorId }, hostCst)
    const deletedThreshold = (
      await call('/noise_sensors/noise_thresholds/delete', { device_id: sensorId, noise_threshold_id: threshold.noise_threshold_id })
    ).action_attempt
    await call('/action_attempts/get', { action_attempt_id: deletedThreshold.action_attempt_id })

    await callThermostatRoutes(w, call)
    await callThermostatProgramRoutes(w, call)
    await callAcsCredentialRoutes(w, call)
    await callUserIdentityAccessRoutes(w, call)
    // Access control.
    await callAcsRoutes(w, call)
    // Access control: reports of on-premise systems.
    await callAcsReportRoutes(call)
    await call('/user_identities/delete', { user_identity_id: spareIdentity.user_identity_id })
    await call('/connected_accounts/delete', { connected_account_id: john.accountId })
    // Last, so every kind of event recorded above is validated.
    const events = (await call('/events/list')).events as { event_id: string; event_type: string }[]
    for (const type of [
      'lock.locked',
      'lock.unlocked',
      'access_code.created',
      'access_code.changed',
      'access_code.deleted',
      'client_session.deleted',
      'connected_account.deleted',
      'device.connected',
      // Device simulation and unmanaged devices.
      'device.disconnected',
      'device.unmanaged.disconnected',
      'device.removed',
      'device.deleted',
      'device.converted_to_unmanaged',
      'device.unmanaged.converted_to_managed',
      'device.error.subscription_required',
      'device.error.subscription_required.resolved',
      'connected_account.disconnected',
      'lock.access_denied',
      'access_code.unmanaged.created',
      'access_code.unmanaged.converted_to_managed',
      'access_code.unmanaged.removed',
      'access_code.backup_access_code_pulled',
      // Noise sensors.
      'noise_sensor.noise_threshold_triggered',
    ]) {
      assert.ok(
        events.some((e) => e.event_type === type),
        `no ${type} event`,
      )
    }
    for (const event of events) await call('/events/get', { event_id: event.event_id })

    // Workspace settings and the sandbox reset (last: it clears the workspace).
    const inScope = (await call('/events/list', {}, cst)).events as { event_id: string }[]
    assert.ok(inScope.length > 0)
    await call('/events/get', { event_id: inScope[0]?.event_id as string }, cst)
    await call('/user_identities/list', {}, cst)
    // Seam's document gives workspaces/update's 200 no body schema: its answer is the bare `{ ok: true }`.
    assert.equal(seamResponseValidator('/workspaces/update', 'PATCH'), undefined)
    const update = { name: 'Acme', connect_partner_name: 'Acme Corp.', is_suspended: false }
    assert.deepEqual((await w.request({ method: 'PATCH', url: '/workspaces/update', payload: update, headers: w.as.apiKey })).body, {
      ok: true,
    })
    called.add('/workspaces/update')
    await call(
      '/workspaces/create',
      { name: 'Hooli', company_name: 'Hooli XYZ', connect_partner_name: 'Hooli Partner' },
      { authorization: w.as.pat.authorization as string },
    )
    const reset = (await call('/workspaces/reset_sandbox')).action_attempt
    await call('/action_attempts/get', { action_attempt_id: reset.action_attempt_id })

    const missed = ROUTES.map((r) => r.path).filter((path) => !called.has(path))
    assert.deepEqual(missed, [], 'every route is called and validated')
    assert.ok(checked.length > ROUTES.length)
  })
})
