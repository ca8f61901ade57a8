import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'

import { connectSaltoKs, connectSaltoSpace } from '../../fixtures/acs.ts'
import { bearer, createWorld, type World } from '../../fixtures/world.ts'

const ALL = { limit: 1000, after: undefined }

/** The acs users of an account, by full name. */
const usersOf = async (w: World, connectedAccountId: string) => {
  const scope = { workspaceId: w.ws.workspace_id, clientSessionId: null }
  const users = (await w.store.listAcsUsers(scope, { connectedAccountId }, ALL)).items
  return new Map(users.map((u) => [u.fullName ?? '', u]))
}

const identity = async (w: World, key: string) =>
  (await w.api('/user_identities/create', { user_identity_key: key, full_name: key })).body.user_identity.user_identity_id as string

describe('user_identities: access system users', () => {
  test('add_acs_user links a user (by id or by key); list_acs_users and the identity’s acs_user_ids show it; remove_acs_user unlinks it', async () => {
    const w = await createWorld()
    const users = await usersOf(w, await connectSaltoSpace(w))
    const john = users.get('John Guest')
    const maria = users.get('Maria Staff')
    assert.ok(john && maria)
    const id = await identity(w, 'guest')
    assert.equal((await w.api('/user_identities/add_acs_user', { user_identity_id: id, acs_user_id: john.acsUserId })).status, 200)
    const byKey = await w.request({
      method: 'PUT',
      url: '/user_identities/add_acs_user',
      payload: { user_identity_key: 'guest', acs_user_id: maria.acsUserId },
      headers: w.as.apiKey,
    })
    assert.equal(byKey.status, 200, byKey.text)
    // Again: nothing changes.
    assert.equal((await w.api('/user_identities/add_acs_user', { user_identity_id: id, acs_user_id: john.acsUserId })).status, 200)
    const listed = (await w.api('/user_identities/list_acs_users', { user_identity_id: id })).body.acs_users as {
      acs_user_id: string
      user_identity_id: string
    }[]
    assert.deepEqual(listed.map((u) => u.acs_user_id).sort(), [john.acsUserId, maria.acsUserId].sort())
    assert.ok(listed.every((u) => u.user_identity_id === id))
    const got = (await w.api('/user_identities/get', { user_identity_id: id })).body.user_identity
    assert.deepEqual([...got.acs_user_ids].sort(), [john.acsUserId, maria.acsUserId].sort())
    const inList = (await w.api('/user_identities/list')).body.user_identities.find(
      (u: { user_identity_id: string }) => u.user_identity_id === id,
    )
    assert.deepEqual([...inList.acs_user_ids].sort(), [john.acsUserId, maria.acsUserId].sort())

    const removed = await w.request({
      method: 'DELETE',
      url: `/user_identities/remove_acs_user?user_identity_id=${id}&acs_user_id=${maria.acsUserId}`,
      headers: w.as.apiKey,
    })
    assert.equal(removed.status, 200, removed.text)
    const after = (await w.api('/user_identities/list_acs_users', { user_identity_id: id })).body.acs_users as { acs_user_id: string }[]
    assert.deepEqual(
      after.map((u) => u.acs_user_id),
      [john.acsUserId],
    )
    // Maria's user stays in its system, held by no identity.
    const mariaNow = await w.store.getAcsUser({ workspaceId: w.ws.workspace_id, clientSessionId: null }, maria.acsUserId)
    assert.equal(mariaNow?.userIdentityId, null)
  })

  test('errors: unknown or foreign identity and user 404, a user of another managed identity 400, a user not linked here 404, bad input 400', async () => {
    const w = await createWorld()
    const users = await usersOf(w, await connectSaltoSpace(w))
    const john = users.get('John Guest')
    assert.ok(john)
    const a = await identity(w, 'a')
    const b = await identity(w, 'b')
    const foreign = (await w.api('/user_identities/create', { user_identity_key: 'x' }, bearer(w.other.api_key))).body.user_identity
    const expect = async (path: string, body: Record<string, unknown>, status: number, type: string) => {
      const res = await w.api(path, body)
      assert.equal(res.status, status, `${path} ${JSON.stringify(body)}: ${res.text}`)
      assert.equal(res.body.error.type, type)
    }
    await expect(
      '/user_identities/add_acs_user',
      { user_identity_id: randomUUID(), acs_user_id: john.acsUserId },
      404,
      'user_identity_not_found',
    )
    await expect(
      '/user_identities/add_acs_user',
      { user_identity_id: foreign.user_identity_id, acs_user_id: john.acsUserId },
      404,
      'user_identity_not_found',
    )
    await expect(
      '/user_identities/add_acs_user',
      { user_identity_key: 'nobody', acs_user_id: john.acsUserId },
      404,
      'user_identity_not_found',
    )
    await expect(
      '/user_identities/add_acs_user',
      { user_identity_id: a, user_identity_key: 'b', acs_user_id: john.acsUserId },
      404,
      'user_identity_not_found',
    )
    await expect('/user_identities/add_acs_user', { user_identity_id: a, acs_user_id: randomUUID() }, 404, 'acs_user_not_found')
    await expect('/user_identities/add_acs_user', { acs_user_id: john.acsUserId }, 400, 'invalid_input')
    await expect('/user_identities/add_acs_user', { user_identity_id: a }, 400, 'invalid_input')
    await expect('/user_identities/add_acs_user', { user_identity_id: 'nope', acs_user_id: john.acsUserId }, 400, 'invalid_input')
    assert.equal((await w.api('/user_identities/add_acs_user', { user_identity_id: a, acs_user_id: john.acsUserId })).status, 200)
    await expect(
      '/user_identities/add_acs_user',
      { user_identity_id: b, acs_user_id: john.acsUserId },
      400,
      'acs_user_already_linked_to_user_identity',
    )
    await expect('/user_identities/remove_acs_user', { user_identity_id: b, acs_user_id: john.acsUserId }, 404, 'acs_user_not_found')
    await expect(
      '/user_identities/remove_acs_user',
      { user_identity_id: randomUUID(), acs_user_id: john.acsUserId },
      404,
      'user_identity_not_found',
    )
    await expect('/user_identities/remove_acs_user', { user_identity_id: a }, 400, 'invalid_input')
    for (const path of [
      '/user_identities/list_acs_users',
      '/user_identities/list_acs_systems',
      '/user_identities/list_accessible_entrances',
    ]) {
      await expect(path, { user_identity_id: randomUUID() }, 404, 'user_identity_not_found')
      await expect(path, { user_identity_id: foreign.user_identity_id }, 404, 'user_identity_not_found')
      await expect(path, {}, 400, 'invalid_input')
    }
    // Still a's, and a's only.
    const listed = (await w.api('/user_identities/list_acs_users', { user_identity_id: a })).body.acs_users as unknown[]
    assert.equal(listed.length, 1)
  })

  test('list_acs_systems and list_accessible_entrances: the union of the identity’s users’ systems and reach, none while a user is suspended', async () => {
    const w = await createWorld()
    const space = await usersOf(w, await connectSaltoSpace(w))
    const ks = await usersOf(w, await connectSaltoKs(w))
    const john = space.get('John Guest')
    const alice = ks.get('Alice Andrews')
    assert.ok(john && alice)
    const id = await identity(w, 'two-systems')
    const systems = async () =>
      ((await w.api('/user_identities/list_acs_systems', { user_identity_id: id })).body.acs_systems as { acs_system_id: string }[])
        .map((s) => s.acs_system_id)
        .sort()
    const entrances = async () =>
      (
        (await w.api('/user_identities/list_accessible_entrances', { user_identity_id: id })).body.acs_entrances as {
          acs_entrance_id: string
        }[]
      )
        .map((e) => e.acs_entrance_id)
        .sort()
    assert.deepEqual(await systems(), [])
    assert.deepEqual(await entrances(), [])
    await w.api('/user_identities/add_acs_user', { user_identity_id: id, acs_user_id: john.acsUserId })
    await w.api('/user_identities/add_acs_user', { user_identity_id: id, acs_user_id: alice.acsUserId })
    assert.deepEqual(await systems(), [john.acsSystemId, alice.acsSystemId].sort())
    const scope = { workspaceId: w.ws.workspace_id, clientSessionId: null }
    const reach = async (acsUserId: string) => (await w.store.listAcsEntrances(scope, { acsUserId }, ALL)).items.map((e) => e.acsEntranceId)
    const johnReach = await reach(john.acsUserId)
    const aliceReach = await reach(alice.acsUserId)
    assert.ok(johnReach.length > 0 && aliceReach.length > 0)
    assert.deepEqual(await entrances(), [...new Set([...johnReach, ...aliceReach])].sort())
    await w.store.updateAcsUser(w.ws.workspace_id, alice.acsUserId, { isSuspended: true }, [])
    assert.deepEqual(await entrances(), [...johnReach].sort(), 'a suspended user reaches nothing')
  })

  test('a client session of the identity lists its systems and entrances; another identity’s answer 404; the key-only routes refuse the session', async () => {
    const w = await createWorld()
    const users = await usersOf(w, await connectSaltoSpace(w))
    const john = users.get('John Guest')
    const maria = users.get('Maria Staff')
    assert.ok(john && maria)
    const mine = await identity(w, 'mine')
    const theirs = await identity(w, 'theirs')
    await w.api('/user_identities/add_acs_user', { user_identity_id: mine, acs_user_id: john.acsUserId })
    await w.api('/user_identities/add_acs_user', { user_identity_id: theirs, acs_user_id: maria.acsUserId })
    const session = await w.session({ user_identifier_key: 'mine-session', user_identity_id: mine })
    const cst = w.as.cst(session.token)
    const systems = await w.api('/user_identities/list_acs_systems', { user_identity_id: mine }, cst)
    assert.equal(systems.status, 200, systems.text)
    assert.deepEqual(
      systems.body.acs_systems.map((s: { acs_system_id: string }) => s.acs_system_id),
      [john.acsSystemId],
    )
    const entrances = await w.api('/user_identities/list_accessible_entrances', { user_identity_id: mine }, cst)
    assert.equal(entrances.status, 200)
    const keyAnswer = await w.api('/user_identities/list_accessible_entrances', { user_identity_id: mine })
    assert.deepEqual(entrances.body.acs_entrances, keyAnswer.body.acs_entrances)
    for (const path of ['/user_identities/list_acs_systems', '/user_identities/list_accessible_entrances']) {
      const other = await w.api(path, { user_identity_id: theirs }, cst)
      assert.equal(other.status, 404)
      assert.equal(other.body.error.type, 'user_identity_not_found')
    }
    for (const [path, body] of [
      ['/user_identities/list_acs_users', { user_identity_id: mine }],
      ['/user_identities/add_acs_user', { user_identity_id: mine, acs_user_id: maria.acsUserId }],
      ['/user_identities/remove_acs_user', { user_identity_id: mine, acs_user_id: john.acsUserId }],
    ] as const) {
      const res = await w.api(path, body, cst)
      assert.equal(res.status, 401, `${path}: ${res.text}`)
    }
    assert.equal((await w.api('/user_identities/list_acs_users', { user_identity_id: mine })).body.acs_users.length, 1)
  })
})
