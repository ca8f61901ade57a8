import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { connectSaltoKs, connectSaltoSpace, postSignIn } from '../../fixtures/acs.ts'
import { createWorld } from '../../fixtures/world.ts'

const ALL = { limit: 1000, after: undefined }

describe('sandbox access control providers: Salto Space and Salto KS', () => {
  test('Salto Space’s sign-in asks for the Seam Bridge pairing token, a username and a password, and checks all three', async () => {
    const w = await createWorld()
    const webview = (await w.api('/connect_webviews/create', { accepted_providers: ['salto_space'] })).body.connect_webview
    const page = await w.request({ method: 'GET', url: new URL(webview.url).pathname })
    assert.equal(page.status, 200)
    for (const field of ['name="bridge_pairing_token"', 'name="username"', 'name="password"']) assert.ok(page.text.includes(field), field)
    assert.equal(page.text.includes('name="email"'), false)
    const wrongToken = await postSignIn(w, webview.url, {
      provider: 'salto_space',
      bridge_pairing_token: '654321',
      username: 'jane',
      password: '1234',
    })
    assert.equal(wrongToken.status, 401)
    const noToken = await postSignIn(w, webview.url, { provider: 'salto_space', username: 'jane', password: '1234' })
    assert.equal(noToken.status, 401)
    const wrongPassword = await postSignIn(w, webview.url, {
      provider: 'salto_space',
      bridge_pairing_token: '123456',
      username: 'jane',
      password: '4321',
    })
    assert.equal(wrongPassword.status, 401)
    const still = (await w.api('/connect_webviews/get', { connect_webview_id: webview.connect_webview_id })).body.connect_webview
    assert.equal(still.status, 'pending')
    const ok = await postSignIn(w, webview.url, {
      provider: 'salto_space',
      bridge_pairing_token: '123456',
      username: 'jane',
      password: '1234',
    })
    assert.equal(ok.status, 200, ok.text)
  })

  test('a Salto Space account holds one system with entrances, access groups linked to them, users and an encoder; deleting the account removes them', async () => {
    const w = await createWorld()
    const accountId = await connectSaltoSpace(w)
    const scope = { workspaceId: w.ws.workspace_id, clientSessionId: null }
    const systems = await w.store.listAcsSystems(scope, { connectedAccountId: accountId })
    assert.equal(systems.length, 1)
    const [system] = systems
    assert.ok(system)
    assert.equal(system.externalType, 'salto_space_system')
    const entrances = (await w.store.listAcsEntrances(scope, { acsSystemId: system.acsSystemId }, ALL)).items
    assert.ok(entrances.length >= 3)
    assert.ok(entrances.some((e) => e.canUnlockWithCloudKey))
    assert.ok(entrances.some((e) => !e.canUnlockWithCloudKey))
    assert.ok(entrances.every((e) => 'salto_space_metadata' in e.providerMetadata))
    const groups = await w.store.listAcsAccessGroups(scope, { acsSystemId: system.acsSystemId })
    assert.ok(groups.length >= 2 && groups.length <= 3)
    for (const g of groups) {
      const reached = (await w.store.listAcsEntrances(scope, { acsAccessGroupId: g.acsAccessGroupId }, ALL)).items
      assert.ok(reached.length > 0, g.name)
    }
    const users = (await w.store.listAcsUsers(scope, { acsSystemId: system.acsSystemId }, ALL)).items
    assert.ok(users.length >= 2)
    for (const u of users) assert.ok((await w.store.listAcsEntrances(scope, { acsUserId: u.acsUserId }, ALL)).items.length > 0)
    const encoders = await w.store.listAcsSystems(scope, {})
    assert.equal(encoders.length, 1)

    const deleted = await w.api('/connected_accounts/delete', { connected_account_id: accountId })
    assert.equal(deleted.status, 200, deleted.text)
    assert.deepEqual(await w.store.listAcsSystems(scope, {}), [])
    assert.deepEqual((await w.store.listAcsUsers(scope, {}, ALL)).items, [])
    assert.deepEqual((await w.store.listAcsEntrances(scope, {}, ALL)).items, [])
    assert.deepEqual(await w.store.listAcsAccessGroups(scope, {}), [])
    assert.deepEqual((await w.store.listAcsCredentials(scope, {}, ALL)).items, [])
  })

  test('a Salto KS account holds a site whose users have PIN-code and mobile-key credentials opening their groups’ entrances', async () => {
    const w = await createWorld()
    const accountId = await connectSaltoKs(w)
    const scope = { workspaceId: w.ws.workspace_id, clientSessionId: null }
    const [system] = await w.store.listAcsSystems(scope, { connectedAccountId: accountId })
    assert.ok(system)
    assert.equal(system.externalType, 'salto_ks_site')
    const credentials = (await w.store.listAcsCredentials(scope, { acsSystemId: system.acsSystemId }, ALL)).items
    assert.deepEqual(credentials.map((c) => c.accessMethod).sort(), ['code', 'mobile_key'])
    for (const c of credentials) {
      const opened = (await w.store.listAcsEntrances(scope, { acsCredentialId: c.acsCredentialId }, ALL)).items
      const reached = (await w.store.listAcsEntrances(scope, { acsUserId: c.acsUserId ?? '' }, ALL)).items
      assert.ok(opened.length > 0)
      assert.deepEqual(opened.map((e) => e.acsEntranceId).sort(), reached.map((e) => e.acsEntranceId).sort())
    }
    // The accounts of Latchkey's own second users hold another, smaller site.
    const johnAccount = await connectSaltoKs(w, 'john@example.com')
    const [johnSystem] = await w.store.listAcsSystems(scope, { connectedAccountId: johnAccount })
    assert.ok(johnSystem)
    assert.notEqual(johnSystem.name, system.name)
    const spaceJohn = await connectSaltoSpace(w, 'john')
    assert.equal((await w.store.listAcsSystems(scope, { connectedAccountId: spaceJohn })).length, 1)
  })
})
