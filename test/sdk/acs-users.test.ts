import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import * as v1 from '@seamapi/http/connect'

import { postSignIn } from '../fixtures/acs.ts'
import { createWorld, type World } from '../fixtures/world.ts'

type Sdk = typeof v1
// The v2 line, installed under an npm alias (see seam-http.test.ts): GET for list/get, PATCH for update, DELETE for delete.
const v2 = (await import('seamapi-http-v2/connect')) as unknown as Sdk

/** A Salto Space site's users, access groups and entrances as an access control integration drives them, through the official SDK. */
const sdkSuite = (line: string, sdk: Sdk) =>
  describe(`access control through @seamapi/http ${line}`, () => {
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
      const systems = await seam.acs.systems.list()
      assert.equal(systems.length, 1)
      assert.equal(systems[0]?.external_type, 'salto_space_system')
      acsSystemId = systems[0]?.acs_system_id
      assert.equal((await seam.acs.systems.get({ acs_system_id: acsSystemId })).name, 'Grand Hotel')
    })
    after(() => w.dispose())

    test('a user in an access group reaches its entrances; suspended it reaches none; revoked it reaches none', async () => {
      const groups = await seam.acs.accessGroups.list({ acs_system_id: acsSystemId })
      const guests = groups.find((g) => g.name === 'Guests')
      assert.ok(guests)
      const guestEntrances = await seam.acs.accessGroups.listAccessibleEntrances({ acs_access_group_id: guests.acs_access_group_id })
      const user = await seam.acs.users.create({
        acs_system_id: acsSystemId,
        full_name: 'Ada Guest',
        acs_access_group_ids: [guests.acs_access_group_id],
      })
      const reach = async () =>
        (await seam.acs.users.listAccessibleEntrances({ acs_user_id: user.acs_user_id })).map((e) => e.acs_entrance_id).sort()
      assert.deepEqual(await reach(), guestEntrances.map((e) => e.acs_entrance_id).sort())
      const members = await seam.acs.accessGroups.listUsers({ acs_access_group_id: guests.acs_access_group_id })
      assert.ok(members.some((m) => m.acs_user_id === user.acs_user_id))
      await seam.acs.users.suspend({ acs_user_id: user.acs_user_id })
      assert.deepEqual(await reach(), [])
      await seam.acs.users.unsuspend({ acs_user_id: user.acs_user_id })
      assert.equal((await reach()).length, guestEntrances.length)
      await seam.acs.users.update({ acs_user_id: user.acs_user_id, full_name: 'Ada Lovelace' })
      assert.equal((await seam.acs.users.get({ acs_user_id: user.acs_user_id })).display_name, 'Ada Lovelace')
      await seam.acs.users.revokeAccessToAllEntrances({ acs_user_id: user.acs_user_id })
      assert.deepEqual(await reach(), [])
      await seam.acs.users.delete({ acs_user_id: user.acs_user_id })
      await assert.rejects(seam.acs.users.get({ acs_user_id: user.acs_user_id }), (error: unknown) => {
        assert.ok(error instanceof SeamHttpApiError)
        assert.equal(error.code, 'acs_user_not_found')
        return true
      })
    })

    test('a client session of a user identity lists the entrances its acs user reaches, and reads one of them', async () => {
      const identity = await seam.userIdentities.create({ user_identity_key: `ada-${line}` })
      const gymGroup = (await seam.acs.accessGroups.list({ acs_system_id: acsSystemId })).find((g) => g.name === 'Gym Members')
      assert.ok(gymGroup)
      const user = await seam.acs.users.create({
        acs_system_id: acsSystemId,
        full_name: 'Ada',
        user_identity_id: identity.user_identity_id,
      })
      await seam.acs.users.addToAccessGroup({ acs_user_id: user.acs_user_id, acs_access_group_id: gymGroup.acs_access_group_id })
      const session = await seam.clientSessions.create({ user_identity_id: identity.user_identity_id })
      const asSession = SeamHttp.fromClientSessionToken(session.token, { endpoint })
      const entrances = await asSession.acs.entrances.list()
      assert.deepEqual(entrances.map((e) => e.display_name).sort(), ['Gym', 'Main Entrance'])
      const gym = entrances.find((e) => e.display_name === 'Gym')
      assert.ok(gym)
      assert.equal(gym.can_unlock_with_cloud_key, true)
      assert.equal((await asSession.acs.entrances.get({ acs_entrance_id: gym.acs_entrance_id })).salto_space_metadata?.door_name, 'Gym')
      assert.deepEqual(
        (await asSession.acs.users.list()).map((u) => u.acs_user_id),
        [user.acs_user_id],
      )
    })
  })

void sdkSuite('1.x', v1)
void sdkSuite('2.x', v2)
