import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import * as v1 from '@seamapi/http/connect'

import { createWorld, type World } from '../fixtures/world.ts'

type Sdk = typeof v1
const v2 = (await import('seamapi-http-v2/connect')) as unknown as Sdk

/**
 * The official SDK with a client session token, as a front end uses it: it creates a webview,
 * the end user signs in (a form post, as the browser would), then it lists that user's locks.
 */
const scopedSuite = (line: string, sdk: Sdk) =>
  describe(`official SDK @seamapi/http ${line} with a client session token`, () => {
    const { SeamHttp, SeamHttpApiError, SeamHttpUnauthorizedError } = sdk
    let w: World
    let endpoint: string

    before(async () => {
      w = await createWorld({ manualDispose: true })
      endpoint = await w.app.listen({ host: '127.0.0.1', port: 0 })
    })
    after(() => w.dispose())

    test('connectWebviews.create joins the session; devices.list and connectedAccounts.list show its scope only', async () => {
      const backend = new SeamHttp({ apiKey: w.ws.api_key, endpoint })
      // Someone else in the workspace connects john; the session must never see him.
      const johnWebview = await backend.connectWebviews.create({})
      await w.signIn(johnWebview.url, 'john@example.com', '1234')

      const session = await backend.clientSessions.create({ user_identifier_key: `sdk-${line}-jane` })
      const frontEnd = SeamHttp.fromClientSessionToken(session.token, { endpoint })
      assert.deepEqual(await frontEnd.devices.list(), [])

      const webview = await frontEnd.connectWebviews.create({ custom_redirect_url: 'https://app.example.com/connected' })
      assert.equal(webview.status, 'pending')
      assert.ok(webview.url.startsWith(endpoint), webview.url)
      const own = await frontEnd.clientSessions.get()
      assert.deepEqual(own.connect_webview_ids, [webview.connect_webview_id])

      assert.equal((await w.signIn(webview.url, 'jane@example.com', '1234')).status, 303)
      const authorized = await frontEnd.connectWebviews.get({ connect_webview_id: webview.connect_webview_id })
      assert.equal(authorized.status, 'authorized')
      assert.equal(authorized.login_successful, true)

      const devices = await frontEnd.devices.list()
      assert.equal(devices.length, 3)
      assert.ok(devices.every((d: { connected_account_id: string }) => d.connected_account_id === authorized.connected_account_id))
      const account = await frontEnd.connectedAccounts.get({ connected_account_id: authorized.connected_account_id as string })
      assert.equal(account.connected_account_id, authorized.connected_account_id)
      // Listing accounts is not a client session token's route (Seam's security list).
      await assert.rejects(frontEnd.connectedAccounts.list(), SeamHttpUnauthorizedError)
      assert.deepEqual(
        (await frontEnd.connectWebviews.list()).map((v: { connect_webview_id: string }) => v.connect_webview_id),
        [webview.connect_webview_id],
      )
      assert.equal((await frontEnd.clientSessions.get()).device_count, 3)
      assert.equal((await frontEnd.workspaces.get()).workspace_id, w.ws.workspace_id)

      await assert.rejects(frontEnd.connectWebviews.get({ connect_webview_id: johnWebview.connect_webview_id }), (error: unknown) => {
        assert.ok(error instanceof SeamHttpApiError)
        assert.equal(error.code, 'connect_webview_not_found')
        return true
      })
      const janeDevice = devices[0]?.device_id as string
      assert.equal((await frontEnd.devices.get({ device_id: janeDevice })).device_id, janeDevice)
      assert.equal((await backend.devices.list()).length, 5, 'the API key sees the whole workspace')
    })
  })

void scopedSuite('v1', v1)
void scopedSuite('v2', v2)
