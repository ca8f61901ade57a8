import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import type * as v2 from 'seamapi-http-v2/connect'

import { postSignIn } from '../fixtures/acs.ts'
import { createWorld, type World } from '../fixtures/world.ts'

type Sdk = typeof v2
// The v2 line, installed under an npm alias (see seam-http.test.ts): GET for list/get, DELETE for deactivate.
const sdk: Sdk = await import('seamapi-http-v2/connect')

/**
 * The phone story, as a mobile access integration follows it through Seam's SDK v2: a sandbox
 * phone for a user identity, the identity given a Salto Space user, and the identity's client
 * session (what the phone's app holds) reading its systems and entrances and deactivating the
 * phone, never another identity's.
 */
describe('a user identity’s phone through @seamapi/http v2', () => {
  const { SeamHttp, SeamHttpApiError } = sdk
  let w: World
  let seam: InstanceType<Sdk['SeamHttp']>
  let endpoint: string
  let acsSystemId: string

  before(async () => {
    w = await createWorld({ manualDispose: true })
    endpoint = await w.app.listen({ host: '127.0.0.1', port: 0 })
    seam = new SeamHttp({ apiKey: w.ws.api_key, endpoint })
    const webview = await seam.connectWebviews.create({ accepted_providers: ['salto_space'] })
    const signIn = await postSignIn(w, webview.url, {
      provider: 'salto_space',
      bridge_pairing_token: '123456',
      username: 'jane',
      password: '1234',
    })
    assert.equal(signIn.status, 200, signIn.text)
    const [system] = await seam.acs.systems.list()
    assert.ok(system)
    acsSystemId = system.acs_system_id
  })
  after(() => w.dispose())

  test('sandbox phone, acs user, client session: the session lists its systems and entrances and deactivates its phone, not another’s', async () => {
    const guest = await seam.userIdentities.create({ user_identity_key: 'guest-with-phone', full_name: 'Ada Guest' })
    const phone = await seam.phones.simulate.createSandboxPhone({
      user_identity_id: guest.user_identity_id,
      phone_metadata: { operating_system: 'ios', device_manufacturer: 'Apple', device_model: 'iPhone 15', os_version: '17' },
    })
    assert.equal(phone.device_type, 'ios_phone')
    const listed = await seam.phones.list({ owner_user_identity_id: guest.user_identity_id })
    assert.deepEqual(
      listed.map((p) => p.device_id),
      [phone.device_id],
    )

    const john = (await seam.acs.users.list({ acs_system_id: acsSystemId })).find((u) => u.full_name === 'John Guest')
    assert.ok(john)
    await seam.userIdentities.addAcsUser({ user_identity_id: guest.user_identity_id, acs_user_id: john.acs_user_id })
    assert.deepEqual(
      (await seam.userIdentities.listAcsUsers({ user_identity_id: guest.user_identity_id })).map((u) => u.acs_user_id),
      [john.acs_user_id],
    )

    const session = await seam.clientSessions.create({ user_identity_id: guest.user_identity_id })
    const app = SeamHttp.fromClientSessionToken(session.token, { endpoint })
    const systems = await app.userIdentities.listAcsSystems({ user_identity_id: guest.user_identity_id })
    assert.deepEqual(
      systems.map((s) => s.acs_system_id),
      [acsSystemId],
    )
    const entrances = await app.userIdentities.listAccessibleEntrances({ user_identity_id: guest.user_identity_id })
    const johnReaches = await seam.acs.users.listAccessibleEntrances({ acs_user_id: john.acs_user_id })
    assert.ok(entrances.length > 0)
    assert.deepEqual(entrances.map((e) => e.acs_entrance_id).sort(), johnReaches.map((e) => e.acs_entrance_id).sort())

    const other = await seam.userIdentities.create({ user_identity_key: 'someone-else' })
    const otherPhone = await seam.phones.simulate.createSandboxPhone({ user_identity_id: other.user_identity_id })
    await assert.rejects(app.phones.deactivate({ device_id: otherPhone.device_id }), (error: unknown) => {
      assert.ok(error instanceof SeamHttpApiError)
      assert.equal(error.statusCode, 404)
      assert.equal(error.code, 'phone_not_found')
      return true
    })
    await assert.rejects(app.userIdentities.listAccessibleEntrances({ user_identity_id: other.user_identity_id }), (error: unknown) => {
      assert.ok(error instanceof SeamHttpApiError)
      assert.equal(error.code, 'user_identity_not_found')
      return true
    })

    await app.phones.deactivate({ device_id: phone.device_id })
    assert.deepEqual(await seam.phones.list({ owner_user_identity_id: guest.user_identity_id }), [])
    assert.deepEqual(
      (await seam.phones.list()).map((p) => p.device_id),
      [otherPhone.device_id],
    )
    const events = await seam.events.list({ event_type: 'phone.deactivated' })
    assert.deepEqual(
      events.map((e) => (e as { device_id?: string }).device_id),
      [phone.device_id],
    )
  })

  test('an Instant Key is a client session of the identity: its link’s token lists the identity’s systems; deleting the key ends it', async () => {
    const guest = await seam.userIdentities.create({ user_identity_key: 'instant-guest' })
    const maria = (await seam.acs.users.list({ acs_system_id: acsSystemId })).find((u) => u.full_name === 'Maria Staff')
    assert.ok(maria)
    await seam.userIdentities.addAcsUser({ user_identity_id: guest.user_identity_id, acs_user_id: maria.acs_user_id })
    const key = await seam.userIdentities.generateInstantKey({ user_identity_id: guest.user_identity_id })
    assert.deepEqual((await seam.instantKeys.get({ instant_key_id: key.instant_key_id })).instant_key_id, key.instant_key_id)
    const token = new URL(key.instant_key_url).hash.replace('#client_session_token=', '')
    const holder = SeamHttp.fromClientSessionToken(token, { endpoint })
    assert.deepEqual(
      (await holder.userIdentities.listAcsSystems({ user_identity_id: guest.user_identity_id })).map((s) => s.acs_system_id),
      [acsSystemId],
    )
    await seam.instantKeys.delete({ instant_key_id: key.instant_key_id })
    await assert.rejects(holder.userIdentities.listAcsSystems({ user_identity_id: guest.user_identity_id }), (error: unknown) => {
      assert.ok(error instanceof SeamHttpApiError)
      assert.equal(error.statusCode, 401)
      return true
    })
  })
})
