import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'

import { provisionWorkspace } from '../../src/domain/provisioning.ts'
import { connectSaltoSpace } from '../fixtures/acs.ts'
import { bearer, createWorld, type World } from '../fixtures/world.ts'

const identity = async (w: World, key: string, headers = w.as.apiKey) =>
  (await w.api('/user_identities/create', { user_identity_key: key }, headers)).body.user_identity.user_identity_id as string

const sandboxPhone = async (w: World, body: Record<string, unknown>, headers = w.as.apiKey) => {
  const res = await w.api('/phones/simulate/create_sandbox_phone', body, headers)
  assert.equal(res.status, 200, res.text)
  return res.body.phone as { device_id: string; device_type: string; display_name: string; properties: Record<string, unknown> }
}

describe('phones', () => {
  test('create_sandbox_phone makes a phone of the identity (Android by default, iOS when asked); get and list read it', async () => {
    const w = await createWorld()
    const id = await identity(w, 'jane')
    const android = await sandboxPhone(w, { user_identity_id: id })
    assert.equal(android.device_type, 'android_phone')
    assert.equal(android.display_name, 'Samsung Galaxy S10')
    assert.deepEqual(
      (android.properties.assa_abloy_credential_service_metadata as { has_active_endpoint: boolean }).has_active_endpoint,
      true,
    )
    w.clock.advance(1000)
    const ios = await sandboxPhone(w, {
      user_identity_id: id,
      phone_metadata: { operating_system: 'ios', device_manufacturer: 'Apple', device_model: 'iPhone 15', os_version: '17' },
      assa_abloy_metadata: { nfc_capability: true },
    })
    assert.equal(ios.device_type, 'ios_phone')
    assert.equal(ios.display_name, 'iPhone 15')
    const got = await w.request({ method: 'GET', url: `/phones/get?device_id=${ios.device_id}`, headers: w.as.apiKey })
    assert.equal(got.status, 200)
    assert.deepEqual(got.body.phone, ios)
    const other = await identity(w, 'john')
    w.clock.advance(1000)
    const johns = await sandboxPhone(w, { user_identity_id: other })
    const all = (await w.api('/phones/list')).body.phones as { device_id: string }[]
    assert.deepEqual(
      all.map((p) => p.device_id),
      [johns.device_id, ios.device_id, android.device_id],
    )
    const janes = (await w.api('/phones/list', { owner_user_identity_id: id })).body.phones as { device_id: string }[]
    assert.deepEqual(
      janes.map((p) => p.device_id),
      [ios.device_id, android.device_id],
    )
    assert.deepEqual((await w.api('/phones/list', { acs_credential_id: randomUUID() })).body.phones, [])
  })

  test('list by acs_credential_id: the phones of the credential’s holder (its acs user’s identity)', async () => {
    const w = await createWorld()
    await connectSaltoSpace(w)
    const scope = { workspaceId: w.ws.workspace_id, clientSessionId: null }
    const all = { limit: 100, after: undefined }
    const [john] = (await w.store.listAcsUsers(scope, { search: 'John Guest' }, all)).items
    assert.ok(john)
    const [card] = (await w.store.listAcsCredentials(scope, { acsUserId: john.acsUserId }, all)).items
    assert.ok(card)
    const id = await identity(w, 'john')
    const phone = await sandboxPhone(w, { user_identity_id: id })
    await sandboxPhone(w, { user_identity_id: await identity(w, 'someone') })
    assert.deepEqual((await w.api('/phones/list', { acs_credential_id: card.acsCredentialId })).body.phones, [])
    await w.api('/user_identities/add_acs_user', { user_identity_id: id, acs_user_id: john.acsUserId })
    const listed = (await w.api('/phones/list', { acs_credential_id: card.acsCredentialId })).body.phones as { device_id: string }[]
    assert.deepEqual(
      listed.map((p) => p.device_id),
      [phone.device_id],
    )
  })

  test('deactivate removes the phone and records phone.deactivated; deleting the identity removes its phones', async () => {
    const w = await createWorld()
    const id = await identity(w, 'jane')
    const first = await sandboxPhone(w, { user_identity_id: id })
    const second = await sandboxPhone(w, { user_identity_id: id })
    const res = await w.request({ method: 'DELETE', url: `/phones/deactivate?device_id=${first.device_id}`, headers: w.as.apiKey })
    assert.equal(res.status, 200, res.text)
    const gone = await w.api('/phones/get', { device_id: first.device_id })
    assert.equal(gone.status, 404)
    assert.equal(gone.body.error.type, 'phone_not_found')
    const again = await w.api('/phones/deactivate', { device_id: first.device_id })
    assert.equal(again.status, 404)
    assert.equal(again.body.error.type, 'phone_not_found')
    const events = (await w.api('/events/list', { event_type: 'phone.deactivated' })).body.events as {
      device_id: string
      user_identity_id: string
    }[]
    assert.equal(events.length, 1)
    assert.equal(events[0]?.device_id, first.device_id)
    assert.equal(events[0]?.user_identity_id, id)
    assert.equal((await w.api('/user_identities/delete', { user_identity_id: id })).status, 200)
    assert.equal((await w.api('/phones/get', { device_id: second.device_id })).status, 404)
  })

  test('a client session deactivates its own identity’s phones only; get, list and simulate refuse it', async () => {
    const w = await createWorld()
    const mine = await identity(w, 'mine')
    const theirs = await identity(w, 'theirs')
    const myPhone = await sandboxPhone(w, { user_identity_id: mine })
    const theirPhone = await sandboxPhone(w, { user_identity_id: theirs })
    const session = await w.session({ user_identifier_key: 'mine', user_identity_id: mine })
    const cst = w.as.cst(session.token)
    const other = await w.api('/phones/deactivate', { device_id: theirPhone.device_id }, cst)
    assert.equal(other.status, 404)
    assert.equal(other.body.error.type, 'phone_not_found')
    const noIdentity = await w.session({ user_identifier_key: 'nobody' })
    assert.equal((await w.api('/phones/deactivate', { device_id: myPhone.device_id }, w.as.cst(noIdentity.token))).status, 404)
    for (const [path, body] of [
      ['/phones/get', { device_id: myPhone.device_id }],
      ['/phones/list', {}],
      ['/phones/simulate/create_sandbox_phone', { user_identity_id: mine }],
    ] as const) {
      assert.equal((await w.api(path, body, cst)).status, 401, path)
    }
    assert.equal((await w.api('/phones/deactivate', { device_id: myPhone.device_id }, cst)).status, 200)
    assert.deepEqual(
      ((await w.api('/phones/list')).body.phones as { device_id: string }[]).map((p) => p.device_id),
      [theirPhone.device_id],
    )
  })

  test('errors: unknown or foreign identity or phone 404, bad input 400, unsupported parameters refused, a production workspace 400', async () => {
    const w = await createWorld()
    const id = await identity(w, 'jane')
    const foreignIdentity = await identity(w, 'x', bearer(w.other.api_key))
    const foreignPhone = await sandboxPhone(w, { user_identity_id: foreignIdentity }, bearer(w.other.api_key))
    for (const [path, body, status, type] of [
      ['/phones/simulate/create_sandbox_phone', { user_identity_id: randomUUID() }, 404, 'user_identity_not_found'],
      ['/phones/simulate/create_sandbox_phone', { user_identity_id: foreignIdentity }, 404, 'user_identity_not_found'],
      ['/phones/simulate/create_sandbox_phone', {}, 400, 'invalid_input'],
      [
        '/phones/simulate/create_sandbox_phone',
        { user_identity_id: id, phone_metadata: { operating_system: 'symbian' } },
        400,
        'invalid_input',
      ],
      ['/phones/simulate/create_sandbox_phone', { user_identity_id: id, custom_sdk_installation_id: 'abc' }, 400, 'invalid_input'],
      ['/phones/get', { device_id: foreignPhone.device_id }, 404, 'phone_not_found'],
      ['/phones/get', { device_id: randomUUID() }, 404, 'phone_not_found'],
      ['/phones/get', {}, 400, 'invalid_input'],
      ['/phones/deactivate', { device_id: foreignPhone.device_id }, 404, 'phone_not_found'],
      ['/phones/deactivate', { device_id: 'not-a-phone' }, 404, 'phone_not_found'],
      ['/phones/deactivate', {}, 400, 'invalid_input'],
      ['/phones/list', { owner_user_identity_id: 'nope' }, 400, 'invalid_input'],
    ] as const) {
      const res = await w.api(path, body)
      assert.equal(res.status, status, `${path} ${JSON.stringify(body)}: ${res.text}`)
      assert.equal(res.body.error.type, type)
    }
    assert.deepEqual((await w.api('/phones/list')).body.phones, [])
    assert.equal((await w.api('/phones/get', { device_id: foreignPhone.device_id }, bearer(w.other.api_key))).status, 200)
    const live = await provisionWorkspace(w.store, w.clock, { name: 'Production', isSandbox: false })
    const liveIdentity = await identity(w, 'live', bearer(live.api_key))
    const res = await w.api('/phones/simulate/create_sandbox_phone', { user_identity_id: liveIdentity }, bearer(live.api_key))
    assert.equal(res.status, 400)
    assert.equal(res.body.error.type, 'workspace_not_sandbox')
  })
})
