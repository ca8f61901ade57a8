import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import * as v1 from '@seamapi/http/connect'

import { createWorld, type World } from '../fixtures/world.ts'

type Sdk = typeof v1
// The v2 line declares Node 22 in its engines but runs on Node 20; it is installed under an
// npm alias so both lines are tested side by side.
const v2 = (await import('seamapi-http-v2/connect')) as unknown as Sdk

/**
 * The official SDK, configured only with `endpoint`, against an in-process server on a loopback
 * port: the compatibility promise of docs/contract.md. The same suite runs on both SDK lines.
 */
const sdkSuite = (line: string, sdk: Sdk) =>
  describe(`official SDK @seamapi/http ${line}`, () => {
    const { SeamHttp, SeamHttpApiError, SeamHttpInvalidInputError, SeamHttpUnauthorizedError } = sdk
    let w: World
    let endpoint: string
    let seam: InstanceType<Sdk['SeamHttp']>

    before(async () => {
      w = await createWorld({ manualDispose: true })
      endpoint = await w.app.listen({ host: '127.0.0.1', port: 0 })
      seam = new SeamHttp({ apiKey: w.ws.api_key, endpoint })
    })
    after(() => w.dispose())

    test('clientSessions.create (PUT, idempotent) and get', async () => {
      const created = await seam.clientSessions.create({ user_identifier_key: 'sdk-jane' })
      assert.match(created.token, /^seam_cst1/)
      const again = await seam.clientSessions.create({ user_identifier_key: 'sdk-jane' })
      assert.equal(again.client_session_id, created.client_session_id)
      const got = await seam.clientSessions.get({ client_session_id: created.client_session_id })
      assert.equal(got.user_identifier_key, 'sdk-jane')
      const byKey = await seam.clientSessions.get({ user_identifier_key: 'sdk-jane' })
      assert.equal(byKey.client_session_id, created.client_session_id)
    })

    test('clientSessions.getOrCreate, grantAccess, list', async () => {
      const account = await w.seedAccount(w.ws.workspace_id, 3)
      const s = await seam.clientSessions.getOrCreate({ user_identifier_key: 'sdk-bob' })
      await seam.clientSessions.grantAccess({ client_session_id: s.client_session_id, connected_account_ids: [account] })
      const again = await seam.clientSessions.getOrCreate({ user_identifier_key: 'sdk-bob' })
      assert.equal(again.client_session_id, s.client_session_id)
      assert.deepEqual(again.connected_account_ids, [account])
      assert.equal(again.device_count, 3)
      const list = await seam.clientSessions.list({ user_identifier_key: 'sdk-bob' })
      assert.equal(list.length, 1)
      assert.equal(list[0]?.client_session_id, s.client_session_id)
    })

    test('clientSessions.revoke and delete', async () => {
      const s = await seam.clientSessions.create({ user_identifier_key: 'sdk-revoke' })
      await seam.clientSessions.revoke({ client_session_id: s.client_session_id })
      const asUser = SeamHttp.fromClientSessionToken(s.token, { endpoint })
      await assert.rejects(asUser.clientSessions.get(), SeamHttpUnauthorizedError)
      const d = await seam.clientSessions.create({ user_identifier_key: 'sdk-delete' })
      await seam.clientSessions.delete({ client_session_id: d.client_session_id })
      await assert.rejects(seam.clientSessions.get({ client_session_id: d.client_session_id }), (error: unknown) => {
        assert.ok(error instanceof SeamHttpApiError)
        assert.equal(error.code, 'client_session_not_found')
        assert.equal(error.statusCode, 404)
        assert.ok(error.requestId.length > 0)
        return true
      })
    })

    test('SeamHttp.fromClientSessionToken reads its own session', async () => {
      const s = await seam.clientSessions.create({ user_identifier_key: 'sdk-cst' })
      const asUser = SeamHttp.fromClientSessionToken(s.token, { endpoint })
      const own = await asUser.clientSessions.get()
      assert.equal(own.client_session_id, s.client_session_id)
    })

    test('SeamHttp.fromPublishableKey gets or creates the user’s session', async () => {
      const client = await SeamHttp.fromPublishableKey(w.ws.publishable_key, 'sdk-frontend-user', { endpoint })
      const own = await client.clientSessions.get()
      assert.equal(own.user_identifier_key, 'sdk-frontend-user')
      assert.equal(own.workspace_id, w.ws.workspace_id)
      const again = await SeamHttp.fromPublishableKey(w.ws.publishable_key, 'sdk-frontend-user', { endpoint })
      assert.equal((await again.clientSessions.get()).client_session_id, own.client_session_id)
    })

    test('error classes: unauthorized and invalid input', async () => {
      const wrong = new SeamHttp({ apiKey: 'seam_abcdefgh_zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', endpoint })
      await assert.rejects(wrong.clientSessions.list(), SeamHttpUnauthorizedError)
      await assert.rejects(seam.clientSessions.create({ user_identifier_key: '' }), (error: unknown) => {
        assert.ok(error instanceof SeamHttpInvalidInputError)
        assert.equal(error.code, 'invalid_input')
        assert.ok(error.getValidationErrorMessages('user_identifier_key').length > 0)
        return true
      })
    })

    test('a personal access token with a workspace', async () => {
      const token = (w.as.pat.authorization as string).slice('Bearer '.length)
      const asPat = SeamHttp.fromPersonalAccessToken(token, w.ws.workspace_id, { endpoint })
      const s = await asPat.clientSessions.create({ user_identifier_key: 'sdk-pat' })
      assert.equal(s.workspace_id, w.ws.workspace_id)
    })
  })

void sdkSuite('v1', v1)
void sdkSuite('v2', v2)
