import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { connectSaltoSpace } from '../../fixtures/acs.ts'
import { createWorld } from '../../fixtures/world.ts'

describe('acs: a client session of a user identity sees only what that identity’s acs users reach', () => {
  test('systems, users, entrances and credentials of its identity; anything else 404; routes Seam keeps from sessions refuse them', async () => {
    const w = await createWorld()
    await connectSaltoSpace(w)
    await connectSaltoSpace(w, 'john')
    const systems = (await w.api('/acs/systems/list', {})).body.acs_systems
    assert.equal(systems.length, 2)
    const mine = systems.find((s: { name: string }) => s.name === 'Grand Hotel')
    const theirs = systems.find((s: { name: string }) => s.name !== 'Grand Hotel')
    const groups = (await w.api('/acs/access_groups/list', { acs_system_id: mine.acs_system_id })).body.acs_access_groups
    const group = groups.find((g: { name: string }) => g.name === 'Gym Members')
    assert.ok(group)
    const identity = (await w.api('/user_identities/create', { user_identity_key: 'ada' })).body.user_identity
    const user = (
      await w.api('/acs/users/create', {
        acs_system_id: mine.acs_system_id,
        full_name: 'Ada',
        user_identity_id: identity.user_identity_id,
        acs_access_group_ids: [group.acs_access_group_id],
      })
    ).body.acs_user
    const reachable = (await w.api('/acs/access_groups/list_accessible_entrances', { acs_access_group_id: group.acs_access_group_id })).body
      .acs_entrances as { acs_entrance_id: string }[]
    const session = await w.session({ user_identity_id: identity.user_identity_id })
    const cst = w.as.cst(session.token)

    const seenSystems = (await w.api('/acs/systems/list', {}, cst)).body.acs_systems
    assert.deepEqual(
      seenSystems.map((s: { acs_system_id: string }) => s.acs_system_id),
      [mine.acs_system_id],
    )
    const seenUsers = (await w.api('/acs/users/list', {}, cst)).body.acs_users
    assert.deepEqual(
      seenUsers.map((u: { acs_user_id: string }) => u.acs_user_id),
      [user.acs_user_id],
    )
    const seenEntrances = (await w.api('/acs/entrances/list', {}, cst)).body.acs_entrances as { acs_entrance_id: string }[]
    assert.deepEqual(seenEntrances.map((e) => e.acs_entrance_id).sort(), reachable.map((e) => e.acs_entrance_id).sort())
    const accessible = await w.api('/acs/users/list_accessible_entrances', { acs_user_id: user.acs_user_id }, cst)
    assert.equal(accessible.body.acs_entrances.length, reachable.length)

    // An entrance of the site its users do not reach, and one of the other site: the same 404 as an unknown one.
    const all = (await w.api('/acs/entrances/list', {})).body.acs_entrances as { acs_entrance_id: string }[]
    const outside = all.filter((e) => !reachable.some((r) => r.acs_entrance_id === e.acs_entrance_id))
    assert.ok(outside.length > 0)
    for (const e of outside) {
      const res = await w.api('/acs/entrances/get', { acs_entrance_id: e.acs_entrance_id }, cst)
      assert.equal(res.status, 404)
      assert.equal(res.body.error.type, 'acs_entrance_not_found')
      assert.equal((await w.api('/acs/entrances/list_credentials_with_access', { acs_entrance_id: e.acs_entrance_id }, cst)).status, 404)
    }
    const someoneElse = (await w.api('/acs/users/list', { acs_system_id: theirs.acs_system_id })).body.acs_users[0]
    assert.equal((await w.api('/acs/users/list_accessible_entrances', { acs_user_id: someoneElse.acs_user_id }, cst)).status, 404)
    // A group its users are not in cannot be deleted by it; one they are in can.
    const otherGroup = groups.find((g: { name: string }) => g.name === 'Staff')
    assert.equal((await w.api('/acs/access_groups/delete', { acs_access_group_id: otherGroup.acs_access_group_id }, cst)).status, 404)
    assert.equal((await w.api('/acs/access_groups/delete', { acs_access_group_id: group.acs_access_group_id }, cst)).status, 200)
    assert.deepEqual((await w.api('/acs/entrances/list', {}, cst)).body.acs_entrances, [])
    // The routes whose security list leaves client sessions out refuse them, as every such route does.
    for (const path of [
      '/acs/systems/get',
      '/acs/users/get',
      '/acs/users/create',
      '/acs/users/suspend',
      '/acs/access_groups/list',
      '/acs/entrances/grant_access',
    ]) {
      const res = await w.api(path, { acs_system_id: mine.acs_system_id, acs_user_id: user.acs_user_id }, cst)
      assert.equal(res.status, 401, `${path} ${res.text}`)
      assert.equal(res.body.error.type, 'unauthorized')
    }
    // A session without a user identity sees no access control at all.
    const bare = w.as.cst((await w.session({ user_identifier_key: 'nobody' })).token)
    assert.deepEqual((await w.api('/acs/systems/list', {}, bare)).body.acs_systems, [])
    assert.deepEqual((await w.api('/acs/users/list', {}, bare)).body.acs_users, [])
  })
})
