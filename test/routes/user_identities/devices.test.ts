import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'

import { bearer, createWorld, type World } from '../../fixtures/world.ts'

const identity = async (w: World, key: string) =>
  (await w.api('/user_identities/create', { user_identity_key: key })).body.user_identity.user_identity_id as string

const deviceIds = async (w: World, headers = w.as.apiKey) =>
  ((await w.api('/devices/list', {}, headers)).body.devices as { device_id: string }[]).map((d) => d.device_id)

const accessible = async (w: World, userIdentityId: string) => {
  const res = await w.api('/user_identities/list_accessible_devices', { user_identity_id: userIdentityId })
  assert.equal(res.status, 200, res.text)
  assert.deepEqual(res.body.accessible_devices, res.body.devices, 'Seam’s older name answers the same list')
  return (res.body.devices as { device_id: string }[]).map((d) => d.device_id)
}

describe('user_identities: devices', () => {
  test('grant_access_to_device adds a managed device to list_accessible_devices (again: no change); revoke_access_to_device takes it away', async () => {
    const w = await createWorld()
    await w.seedAccount(w.ws.workspace_id, 3)
    const [d1, d2] = await deviceIds(w)
    assert.ok(d1 && d2)
    const id = await identity(w, 'guest')
    assert.deepEqual(await accessible(w, id), [])
    assert.equal((await w.api('/user_identities/grant_access_to_device', { user_identity_id: id, device_id: d1 })).status, 200)
    const put = await w.request({
      method: 'PUT',
      url: '/user_identities/grant_access_to_device',
      payload: { user_identity_id: id, device_id: d2 },
      headers: w.as.apiKey,
    })
    assert.equal(put.status, 200, put.text)
    assert.equal((await w.api('/user_identities/grant_access_to_device', { user_identity_id: id, device_id: d1 })).status, 200)
    assert.deepEqual((await accessible(w, id)).sort(), [d1, d2].sort())
    const other = await identity(w, 'other')
    assert.deepEqual(await accessible(w, other), [], 'a grant is one identity’s')
    const revoked = await w.request({
      method: 'DELETE',
      url: `/user_identities/revoke_access_to_device?user_identity_id=${id}&device_id=${d1}`,
      headers: w.as.apiKey,
    })
    assert.equal(revoked.status, 200, revoked.text)
    assert.equal((await w.api('/user_identities/revoke_access_to_device', { user_identity_id: id, device_id: d1 })).status, 200)
    assert.deepEqual(await accessible(w, id), [d2])
  })

  test('a device made unmanaged or removed leaves the list; deleting the identity drops its grants', async () => {
    const w = await createWorld()
    await w.seedAccount(w.ws.workspace_id, 2)
    const [d1, d2] = await deviceIds(w)
    assert.ok(d1 && d2)
    const id = await identity(w, 'guest')
    for (const device_id of [d1, d2]) await w.api('/user_identities/grant_access_to_device', { user_identity_id: id, device_id })
    assert.equal((await w.api('/devices/update', { device_id: d1, is_managed: false })).status, 200)
    assert.deepEqual(await accessible(w, id), [d2])
    const unmanagedGrant = await w.api('/user_identities/grant_access_to_device', { user_identity_id: id, device_id: d1 })
    assert.equal(unmanagedGrant.status, 404)
    assert.equal(unmanagedGrant.body.error.type, 'device_not_found')
    const account = (await w.api('/devices/get', { device_id: d2 })).body.device.connected_account_id
    assert.equal((await w.api('/connected_accounts/delete', { connected_account_id: account })).status, 200)
    assert.deepEqual(await accessible(w, id), [], 'a removed device leaves the list')
    await w.seedAccount(w.ws.workspace_id, 1)
    const [d3] = await deviceIds(w)
    assert.ok(d3)
    await w.api('/user_identities/grant_access_to_device', { user_identity_id: id, device_id: d3 })
    assert.equal((await w.api('/user_identities/delete', { user_identity_id: id })).status, 200)
    const rows = await w.store.listIdentityDevices({ workspaceId: w.ws.workspace_id, clientSessionId: null }, id)
    assert.deepEqual(rows, [])
  })

  test('errors: unknown or foreign identity and device 404, bad input 400; a client session is refused', async () => {
    const w = await createWorld()
    await w.seedAccount(w.ws.workspace_id, 1)
    await w.seedAccount(w.other.workspace_id, 1)
    const [mine] = await deviceIds(w)
    const [foreignDevice] = await deviceIds(w, bearer(w.other.api_key))
    assert.ok(mine && foreignDevice)
    const id = await identity(w, 'guest')
    const foreignIdentity: string = (await w.api('/user_identities/create', {}, bearer(w.other.api_key))).body.user_identity
      .user_identity_id
    const cases: [Record<string, unknown>, number, string][] = [
      [{ user_identity_id: randomUUID(), device_id: mine }, 404, 'user_identity_not_found'],
      [{ user_identity_id: foreignIdentity, device_id: mine }, 404, 'user_identity_not_found'],
      [{ user_identity_id: id, device_id: randomUUID() }, 404, 'device_not_found'],
      [{ user_identity_id: id, device_id: foreignDevice }, 404, 'device_not_found'],
      [{ user_identity_id: id }, 400, 'invalid_input'],
      [{ device_id: mine }, 400, 'invalid_input'],
    ]
    for (const path of ['/user_identities/grant_access_to_device', '/user_identities/revoke_access_to_device']) {
      for (const [body, status, type] of cases) {
        const res = await w.api(path, body)
        assert.equal(res.status, status, `${path} ${JSON.stringify(body)}: ${res.text}`)
        assert.equal(res.body.error.type, type)
      }
    }
    for (const [body, status, type] of [
      [{ user_identity_id: randomUUID() }, 404, 'user_identity_not_found'],
      [{ user_identity_id: foreignIdentity }, 404, 'user_identity_not_found'],
      [{}, 400, 'invalid_input'],
    ] as const) {
      const res = await w.api('/user_identities/list_accessible_devices', body)
      assert.equal(res.status, status)
      assert.equal(res.body.error.type, type)
    }
    const session = await w.session({ user_identifier_key: 'g', user_identity_id: id })
    for (const path of [
      '/user_identities/grant_access_to_device',
      '/user_identities/revoke_access_to_device',
      '/user_identities/list_accessible_devices',
    ]) {
      const res = await w.api(path, { user_identity_id: id, device_id: mine }, w.as.cst(session.token))
      assert.equal(res.status, 401, path)
    }
    assert.deepEqual(await accessible(w, id), [])
  })
})
