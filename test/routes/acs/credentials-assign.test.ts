import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { identityUserOn, saltoKsSite, saltoSpaceSite } from '../../fixtures/acs-site.ts'
import { createWorld, type World } from '../../fixtures/world.ts'

const entranceNames = async (w: World, acsCredentialId: string): Promise<string[]> => {
  const res = await w.api('/acs/credentials/list_accessible_entrances', { acs_credential_id: acsCredentialId })
  assert.equal(res.status, 200, res.text)
  return (res.body.acs_entrances as { display_name: string }[]).map((e) => e.display_name).sort()
}

describe('acs/credentials: assign, unassign, list_accessible_entrances', () => {
  test('a credential opens its user’s entrances; unassigned it opens nothing; assigned to another user, that user’s', async () => {
    const w = await createWorld()
    const space = await saltoSpaceSite(w)
    const maria = space.user('Maria Staff').acsUserId
    const john = space.user('John Guest').acsUserId
    const card = (await w.api('/acs/credentials/create', { acs_user_id: maria, access_method: 'card' })).body.acs_credential
    assert.deepEqual(await entranceNames(w, card.acs_credential_id), ['Gym', 'Main Entrance', 'Room 101', 'Room 102'])
    const unassigned = await w.api('/acs/credentials/unassign', { acs_credential_id: card.acs_credential_id, acs_user_id: maria })
    assert.equal(unassigned.status, 200, unassigned.text)
    assert.equal(unassigned.body.acs_credential.acs_user_id, undefined)
    assert.deepEqual(await entranceNames(w, card.acs_credential_id), [])
    const assigned = await w.api('/acs/credentials/assign', { acs_credential_id: card.acs_credential_id, acs_user_id: john })
    assert.equal(assigned.status, 200, assigned.text)
    assert.equal(assigned.body.acs_credential.acs_user_id, john)
    assert.deepEqual(await entranceNames(w, card.acs_credential_id), ['Main Entrance', 'Room 101', 'Room 102'])
    const listed = (await w.api('/acs/credentials/list', { acs_user_id: john })).body.acs_credentials as { acs_credential_id: string }[]
    assert.ok(listed.some((c) => c.acs_credential_id === card.acs_credential_id))
    // Assigning again to its own user changes nothing and is no error.
    assert.equal((await w.api('/acs/credentials/assign', { acs_credential_id: card.acs_credential_id, acs_user_id: john })).status, 200)
  })

  test('a credential naming its entrances opens those; a suspended user’s credentials open nothing until unsuspended', async () => {
    const w = await createWorld()
    const space = await saltoSpaceSite(w)
    const maria = space.user('Maria Staff')
    const named = (
      await w.api('/acs/credentials/create', {
        acs_user_id: maria.acsUserId,
        access_method: 'card',
        allowed_acs_entrance_ids: [space.entrance('Gym').acsEntranceId],
      })
    ).body.acs_credential
    const plain = (await w.api('/acs/credentials/create', { acs_user_id: maria.acsUserId, access_method: 'cloud_key' })).body.acs_credential
    assert.deepEqual(await entranceNames(w, named.acs_credential_id), ['Gym'])
    await w.store.updateAcsUser(w.ws.workspace_id, maria.acsUserId, { isSuspended: true }, [])
    assert.deepEqual(await entranceNames(w, named.acs_credential_id), [])
    assert.deepEqual(await entranceNames(w, plain.acs_credential_id), [])
    await w.store.updateAcsUser(w.ws.workspace_id, maria.acsUserId, { isSuspended: false }, [])
    assert.deepEqual(await entranceNames(w, plain.acs_credential_id), ['Gym', 'Main Entrance', 'Room 101', 'Room 102'])
  })

  test('assigning to a user identity uses its acs user on the system, or makes one (acs_user.created)', async () => {
    const w = await createWorld()
    const space = await saltoSpaceSite(w)
    const maria = space.user('Maria Staff').acsUserId
    const dana = await identityUserOn(w, space)
    const first = (await w.api('/acs/credentials/create', { acs_user_id: maria, access_method: 'card' })).body.acs_credential
    await w.api('/acs/credentials/unassign', { acs_credential_id: first.acs_credential_id, acs_user_id: maria })
    const toDana = await w.api('/acs/credentials/assign', {
      acs_credential_id: first.acs_credential_id,
      user_identity_id: dana.userIdentityId,
    })
    assert.equal(toDana.status, 200, toDana.text)
    assert.equal(toDana.body.acs_credential.acs_user_id, dana.acsUserId)
    assert.equal(toDana.body.acs_credential.user_identity_id, dana.userIdentityId)
    const byIdentity = await w.api('/acs/credentials/unassign', {
      acs_credential_id: first.acs_credential_id,
      user_identity_id: dana.userIdentityId,
    })
    assert.equal(byIdentity.status, 200, byIdentity.text)

    const newcomer = await w.seedUserIdentity(w.ws.workspace_id)
    const made = await w.api('/acs/credentials/assign', { acs_credential_id: first.acs_credential_id, user_identity_id: newcomer })
    assert.equal(made.status, 200, made.text)
    const newUserId = made.body.acs_credential.acs_user_id as string
    const user = await w.store.getAcsUser({ workspaceId: w.ws.workspace_id, clientSessionId: null }, newUserId)
    assert.equal(user?.userIdentityId, newcomer)
    assert.equal(user?.acsSystemId, space.systemId)
    const created = (await w.api('/events/list', { event_type: 'acs_user.created' })).body.events as { acs_user_id: string }[]
    assert.ok(created.some((e) => e.acs_user_id === newUserId))
  })

  test('errors: not found, another system, already assigned, not its holder, neither or both given; nothing changes', async () => {
    const w = await createWorld()
    const space = await saltoSpaceSite(w)
    const ks = await saltoKsSite(w)
    const maria = space.user('Maria Staff').acsUserId
    const john = space.user('John Guest').acsUserId
    const card = (await w.api('/acs/credentials/create', { acs_user_id: maria, access_method: 'card' })).body.acs_credential
    const id = card.acs_credential_id
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['/acs/credentials/assign', { acs_credential_id: crypto.randomUUID(), acs_user_id: john }, 404, 'acs_credential_not_found'],
      ['/acs/credentials/assign', { acs_credential_id: id, acs_user_id: crypto.randomUUID() }, 404, 'acs_user_not_found'],
      ['/acs/credentials/assign', { acs_credential_id: id, user_identity_id: crypto.randomUUID() }, 404, 'user_identity_not_found'],
      ['/acs/credentials/assign', { acs_credential_id: id, acs_user_id: ks.user('Alice Andrews').acsUserId }, 400, 'invalid_input'],
      ['/acs/credentials/assign', { acs_credential_id: id, acs_user_id: john }, 400, 'acs_credential_already_assigned'],
      ['/acs/credentials/assign', { acs_credential_id: id }, 400, 'invalid_input'],
      [
        '/acs/credentials/assign',
        { acs_credential_id: id, acs_user_id: john, user_identity_id: crypto.randomUUID() },
        400,
        'invalid_input',
      ],
      ['/acs/credentials/unassign', { acs_credential_id: id, acs_user_id: john }, 400, 'acs_credential_not_assigned'],
      ['/acs/credentials/unassign', { acs_credential_id: id, acs_user_id: crypto.randomUUID() }, 404, 'acs_user_not_found'],
      ['/acs/credentials/unassign', { acs_credential_id: id }, 400, 'invalid_input'],
      ['/acs/credentials/unassign', { acs_credential_id: crypto.randomUUID(), acs_user_id: maria }, 404, 'acs_credential_not_found'],
      ['/acs/credentials/list_accessible_entrances', { acs_credential_id: crypto.randomUUID() }, 404, 'acs_credential_not_found'],
    ]
    for (const [path, body, status, type] of cases) {
      const res = await w.api(path, body)
      assert.equal(res.status, status, `${path} ${JSON.stringify(body)}: ${res.text}`)
      assert.equal(res.body.error.type, type, `${path} ${JSON.stringify(body)}`)
    }
    const still = (await w.api('/acs/credentials/get', { acs_credential_id: id })).body.acs_credential
    assert.equal(still.acs_user_id, maria)
  })
})
