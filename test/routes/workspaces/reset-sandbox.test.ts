import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, test } from 'node:test'

import { SeamHttp } from '@seamapi/http/connect'

import { provisionWorkspace } from '../../../src/domain/provisioning.ts'
import { CLEARED_BY_RESET, KEPT_BY_RESET } from '../../../src/store/sql/sandbox-reset.ts'
import { bearer, createWorld, type World } from '../../fixtures/world.ts'

/** The tables of the schema: the keys of the `Database` interface in src/store/tables.ts. */
const schemaTables = (): string[] => {
  const source = readFileSync(new URL('../../../src/store/tables.ts', import.meta.url), 'utf8')
  const body = /export interface Database \{([^}]*)\}/.exec(source)?.[1]
  assert.ok(body !== undefined, 'tables.ts declares the Database interface')
  return [...body.matchAll(/^\s*(\w+)\s*:/gm)].map((m) => m[1] as string).sort()
}

/** Fills a workspace the way a sandbox is used: a signed-in account with locks, an identity, a session, codes, lock actions, a webhook. */
const populate = async (w: World, headers: Record<string, string>) => {
  const webview = (await w.api('/connect_webviews/create', {}, headers)).body.connect_webview
  assert.equal((await w.signIn(webview.url, 'jane@example.com', '1234')).status, 200)
  await w.api('/connect_webviews/create', {}, headers)
  const identity = (await w.api('/user_identities/create', { user_identity_key: 'jane' }, headers)).body.user_identity
  const session = (
    await w.api(
      '/client_sessions/create',
      { user_identifier_key: 'jane', connect_webview_ids: [webview.connect_webview_id], user_identity_id: identity.user_identity_id },
      headers,
    )
  ).body.client_session
  const lock = (await w.api('/locks/list', {}, headers)).body.locks[0].device_id as string
  assert.equal((await w.api('/locks/unlock_door', { device_id: lock }, headers)).status, 200)
  assert.equal((await w.api('/access_codes/create', { device_id: lock, code: '4821' }, headers)).status, 200)
  const webhook = (await w.api('/webhooks/create', { url: 'https://hooks.example.com/seam' }, headers)).body.webhook
  return { session, webhookId: webhook.webhook_id as string }
}

/** How many rows each list shows the caller. */
const counts = async (w: World, headers: Record<string, string>) => {
  const rows = async (path: string, key: string, body: Record<string, unknown> = {}) =>
    (await w.api(path, body, headers)).body[key].length as number
  return {
    connected_accounts: await rows('/connected_accounts/list', 'connected_accounts'),
    devices: await rows('/devices/list', 'devices'),
    connect_webviews: await rows('/connect_webviews/list', 'connect_webviews'),
    client_sessions: await rows('/client_sessions/list', 'client_sessions'),
    user_identities: await rows('/user_identities/list', 'user_identities'),
    action_attempts: await rows('/action_attempts/list', 'action_attempts'),
    events: await rows('/events/list', 'events', { since: '2000-01-01T00:00:00.000Z' }),
    webhooks: await rows('/webhooks/list', 'webhooks'),
  }
}

describe('workspaces/reset_sandbox (SPEC §10)', () => {
  test('every table of the schema is either cleared by a reset or explicitly kept', () => {
    const cleared = CLEARED_BY_RESET.map((c) => c.table as string)
    const kept = KEPT_BY_RESET as readonly string[]
    assert.deepEqual(
      cleared.filter((t) => kept.includes(t)),
      [],
      'no table is both cleared and kept',
    )
    assert.equal(new Set(cleared).size, cleared.length, 'each cleared table once')
    const forgotten = schemaTables().filter((t) => !cleared.includes(t) && !kept.includes(t))
    assert.deepEqual(forgotten, [], 'a table the reset list and the kept list both forget (src/store/sql/sandbox-reset.ts)')
    const unknown = [...cleared, ...kept].filter((t) => !schemaTables().includes(t))
    assert.deepEqual(unknown, [], 'every listed table exists')
  })

  test('removes the sandbox data in one go, keeps the workspace, its keys, members and webhooks, and touches no other workspace', async () => {
    const w = await createWorld()
    const { session, webhookId } = await populate(w, w.as.apiKey)
    const otherKey = bearer(w.other.api_key)
    await populate(w, otherKey)
    const otherBefore = await counts(w, otherKey)
    const before = await counts(w, w.as.apiKey)
    for (const [table, n] of Object.entries(before)) assert.ok(n > 0, `${table} has rows before the reset`)
    const workspaceBefore = (await w.api('/workspaces/get')).body.workspace

    const res = await w.api('/workspaces/reset_sandbox')
    assert.equal(res.status, 200, res.text)
    const attempt = res.body.action_attempt
    assert.equal(attempt.action_type, 'RESET_SANDBOX_WORKSPACE')
    assert.equal(attempt.status, 'pending')
    const outcome = (await w.api('/action_attempts/get', { action_attempt_id: attempt.action_attempt_id })).body.action_attempt
    assert.deepEqual([outcome.status, outcome.result, outcome.error], ['success', {}, null])

    // Only the reset's own attempt and the webhook remain.
    assert.deepEqual(await counts(w, w.as.apiKey), {
      connected_accounts: 0,
      devices: 0,
      connect_webviews: 0,
      client_sessions: 0,
      user_identities: 0,
      action_attempts: 1,
      events: 0,
      webhooks: 1,
    })
    assert.deepEqual(await w.store.countWorkspaceContents(w.ws.workspace_id), {
      client_sessions: 0,
      connected_accounts: 0,
      devices: 0,
      user_identities: 0,
      connect_webviews: 0,
    })
    assert.equal((await w.api('/webhooks/get', { webhook_id: webhookId })).status, 200)
    assert.deepEqual((await w.api('/workspaces/get')).body.workspace, workspaceBefore)
    // The removed session's token no longer opens anything; the keys and the PAT still do.
    assert.equal((await w.api('/client_sessions/get', {}, w.as.cst(session.token))).status, 401)
    assert.equal((await w.api('/devices/list', {}, w.as.pat)).status, 200)
    assert.equal((await w.api('/client_sessions/get_or_create', {}, w.as.publishable('jane'))).status, 200)
    assert.deepEqual(await counts(w, otherKey), otherBefore, 'the other workspace is untouched')
  })

  test('after a reset, the sandbox sign-in through a Connect Webview works again, and so do user keys and identity keys', async () => {
    const w = await createWorld()
    await populate(w, w.as.apiKey)
    const oldDevices = (await w.api('/devices/list')).body.devices.map((d: { device_id: string }) => d.device_id)
    assert.equal((await w.api('/workspaces/reset_sandbox')).status, 200)

    const webview = (await w.api('/connect_webviews/create')).body.connect_webview
    assert.equal((await w.signIn(webview.url, 'jane@example.com', '1234')).status, 200)
    const signedIn = (await w.api('/connect_webviews/get', { connect_webview_id: webview.connect_webview_id })).body.connect_webview
    assert.equal(signedIn.status, 'authorized')
    assert.equal((await w.api('/connected_accounts/get', { connected_account_id: signedIn.connected_account_id })).status, 200)
    const devices = (await w.api('/devices/list')).body.devices as { device_id: string }[]
    assert.equal(devices.length, oldDevices.length, 'the same sandbox locks, connected anew')
    assert.ok(devices.every((d) => !oldDevices.includes(d.device_id)))
    assert.equal((await w.api('/user_identities/create', { user_identity_key: 'jane' })).status, 200, 'the identity key is free again')
    assert.equal((await w.api('/client_sessions/create', { user_identifier_key: 'jane' }, w.as.apiKey)).status, 200)
  })

  test('a workspace that is not a sandbox is refused, naming the reason, and keeps everything', async () => {
    const w = await createWorld()
    const real = await provisionWorkspace(w.store, w.clock, { name: 'Production', isSandbox: false })
    await w.seedAccount(real.workspace_id, 2)
    const key = bearer(real.api_key)
    await w.api('/client_sessions/create', { user_identifier_key: 'jane' }, key)
    const before = await w.store.countWorkspaceContents(real.workspace_id)
    const res = await w.api('/workspaces/reset_sandbox', {}, key)
    assert.equal(res.status, 400)
    assert.equal(res.body.error.type, 'workspace_not_sandbox')
    assert.match(res.body.error.message, /not a sandbox/)
    assert.deepEqual(await w.store.countWorkspaceContents(real.workspace_id), before)
    assert.equal((await w.api('/action_attempts/list', {}, key)).body.action_attempts.length, 0, 'no attempt recorded')
  })

  test('only an API key or a PAT with a workspace may reset, with POST', async () => {
    const w = await createWorld()
    const session = await w.session({ user_identifier_key: 'jane' })
    for (const headers of [w.as.cst(session.token), w.as.publishable('jane')]) {
      assert.equal((await w.api('/workspaces/reset_sandbox', {}, headers)).status, 401)
    }
    assert.equal((await w.request({ method: 'GET', url: '/workspaces/reset_sandbox', headers: w.as.apiKey })).status, 405)
    assert.equal((await w.api('/client_sessions/get', {}, w.as.cst(session.token))).status, 200, 'nothing was reset')
    assert.equal((await w.api('/workspaces/reset_sandbox', {}, w.as.pat)).status, 200)
    assert.equal((await w.api('/client_sessions/get', {}, w.as.cst(session.token))).status, 401)
  })

  test("Seam's SDK: workspaces.resetSandbox waits for the attempt to succeed", async () => {
    const w = await createWorld()
    const endpoint = await w.app.listen({ host: '127.0.0.1', port: 0 })
    await populate(w, w.as.apiKey)
    const seam = new SeamHttp({ apiKey: w.ws.api_key, endpoint })
    const attempt = await seam.workspaces.resetSandbox()
    assert.equal(attempt.action_type, 'RESET_SANDBOX_WORKSPACE')
    assert.equal(attempt.status, 'success')
    assert.deepEqual(await seam.devices.list(), [])
    assert.deepEqual(await seam.connectedAccounts.list(), [])
  })
})
