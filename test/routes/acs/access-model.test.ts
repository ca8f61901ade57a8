import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { connectSaltoKs, connectSaltoSpace } from '../../fixtures/acs.ts'
import { createWorld, type World } from '../../fixtures/world.ts'

interface Named {
  display_name?: string
  name?: string
}

const ids = (list: Record<string, string>[], key: string): string[] => list.map((r) => r[key] ?? '').sort()

/** The Salto Space site of a new account: its system, its groups and entrances by name. */
const spaceSite = async (w: World) => {
  const accountId = await connectSaltoSpace(w)
  const system = (await w.api('/acs/systems/list', { connected_account_id: accountId })).body.acs_systems[0]
  const groups = (await w.api('/acs/access_groups/list', { acs_system_id: system.acs_system_id })).body.acs_access_groups
  const entrances = (await w.api('/acs/entrances/list', { acs_system_id: system.acs_system_id })).body.acs_entrances
  const group = (name: string) => groups.find((g: Named) => g.name === name)
  const entrance = (name: string) => entrances.find((e: Named) => e.display_name === name)
  return { accountId, system, group, entrance, entrances }
}

const reached = async (w: World, acsUserId: string): Promise<string[]> => {
  const res = await w.api('/acs/users/list_accessible_entrances', { acs_user_id: acsUserId })
  assert.equal(res.status, 200, res.text)
  return ids(res.body.acs_entrances, 'acs_entrance_id')
}

describe('acs: users reach what their access groups and grants give them', () => {
  test('a user created in a group reaches its entrances; suspension stops it, unsuspension returns it; revoking empties it', async () => {
    const w = await createWorld()
    const site = await spaceSite(w)
    const guests = site.group('Guests')
    const guestEntrances = ids(
      (await w.api('/acs/access_groups/list_accessible_entrances', { acs_access_group_id: guests.acs_access_group_id })).body.acs_entrances,
      'acs_entrance_id',
    )
    assert.equal(guestEntrances.length, 3)
    const created = await w.api('/acs/users/create', {
      acs_system_id: site.system.acs_system_id,
      full_name: 'Ada Guest',
      email_address: 'ada@example.com',
      acs_access_group_ids: [guests.acs_access_group_id],
    })
    assert.equal(created.status, 200, created.text)
    const user = created.body.acs_user
    assert.equal(user.display_name, 'Ada Guest')
    assert.equal(user.external_type, 'salto_space_user')
    assert.equal(user.is_suspended, false)
    assert.deepEqual(await reached(w, user.acs_user_id), guestEntrances)
    const members = (await w.api('/acs/access_groups/list_users', { acs_access_group_id: guests.acs_access_group_id })).body.acs_users
    assert.ok(members.some((m: { acs_user_id: string }) => m.acs_user_id === user.acs_user_id))

    assert.equal((await w.api('/acs/users/suspend', { acs_user_id: user.acs_user_id })).status, 200)
    assert.equal((await w.api('/acs/users/get', { acs_user_id: user.acs_user_id })).body.acs_user.is_suspended, true)
    assert.deepEqual(await reached(w, user.acs_user_id), [])
    assert.equal((await w.api('/acs/users/unsuspend', { acs_user_id: user.acs_user_id })).status, 200)
    assert.deepEqual(await reached(w, user.acs_user_id), guestEntrances)

    // A direct grant adds the gym; revoking takes the groups and the grant away.
    const gym = site.entrance('Gym')
    assert.equal(
      (await w.api('/acs/entrances/grant_access', { acs_entrance_id: gym.acs_entrance_id, acs_user_id: user.acs_user_id })).status,
      200,
    )
    assert.deepEqual(await reached(w, user.acs_user_id), [...guestEntrances, gym.acs_entrance_id].sort())
    assert.equal((await w.api('/acs/users/revoke_access_to_all_entrances', { acs_user_id: user.acs_user_id })).status, 200)
    assert.deepEqual(await reached(w, user.acs_user_id), [])
    const groupsOfUser = (await w.api('/acs/access_groups/list', { acs_user_id: user.acs_user_id })).body.acs_access_groups
    assert.deepEqual(groupsOfUser, [])
  })

  test('joining and leaving groups, by acs user or by user identity; a group deleted stops giving its entrances', async () => {
    const w = await createWorld()
    const site = await spaceSite(w)
    const identity = (await w.api('/user_identities/create', { user_identity_key: 'ada', full_name: 'Ada Identity' })).body.user_identity
    const user = (
      await w.api('/acs/users/create', {
        acs_system_id: site.system.acs_system_id,
        full_name: 'Ada Guest',
        user_identity_id: identity.user_identity_id,
      })
    ).body.acs_user
    assert.equal(user.user_identity_id, identity.user_identity_id)
    assert.equal(user.user_identity_full_name, 'Ada Identity')
    assert.deepEqual(await reached(w, user.acs_user_id), [])
    const gymGroup = site.group('Gym Members')
    const add = await w.api('/acs/access_groups/add_user', {
      acs_access_group_id: gymGroup.acs_access_group_id,
      user_identity_id: identity.user_identity_id,
    })
    assert.equal(add.status, 200, add.text)
    assert.equal((await reached(w, user.acs_user_id)).length, 2)
    // Adding again changes nothing.
    assert.equal(
      (await w.api('/acs/users/add_to_access_group', { acs_user_id: user.acs_user_id, acs_access_group_id: gymGroup.acs_access_group_id }))
        .status,
      200,
    )
    const staff = site.group('Staff')
    await w.api('/acs/users/add_to_access_group', { acs_user_id: user.acs_user_id, acs_access_group_id: staff.acs_access_group_id })
    assert.equal((await reached(w, user.acs_user_id)).length, 4)
    assert.equal(
      (
        await w.api('/acs/users/remove_from_access_group', {
          acs_user_id: user.acs_user_id,
          acs_access_group_id: staff.acs_access_group_id,
        })
      ).status,
      200,
    )
    assert.equal((await reached(w, user.acs_user_id)).length, 2)
    assert.equal(
      (await w.api('/acs/access_groups/remove_user', { acs_access_group_id: gymGroup.acs_access_group_id, acs_user_id: user.acs_user_id }))
        .status,
      200,
    )
    assert.deepEqual(await reached(w, user.acs_user_id), [])
    await w.api('/acs/users/add_to_access_group', { acs_user_id: user.acs_user_id, acs_access_group_id: staff.acs_access_group_id })
    assert.equal((await w.api('/acs/access_groups/delete', { acs_access_group_id: staff.acs_access_group_id })).status, 200)
    assert.deepEqual(await reached(w, user.acs_user_id), [])
    const gone = await w.api('/acs/access_groups/get', { acs_access_group_id: staff.acs_access_group_id })
    assert.equal(gone.status, 404)
    assert.equal(gone.body.error.type, 'acs_access_group_not_found')
    // By user identity and system.
    const byIdentity = await w.api('/acs/users/get', {
      user_identity_id: identity.user_identity_id,
      acs_system_id: site.system.acs_system_id,
    })
    assert.equal(byIdentity.body.acs_user.acs_user_id, user.acs_user_id)
  })

  test('update, delete and their events; a credential’s user deleted takes the credential', async () => {
    const w = await createWorld()
    await connectSaltoKs(w)
    const users = (await w.api('/acs/users/list', {})).body.acs_users
    const alice = users.find((u: Named) => u.display_name === 'Alice Andrews')
    assert.ok(alice)
    const entrance = (await w.api('/acs/entrances/list', {})).body.acs_entrances.find((e: Named) => e.display_name === 'Front Door')
    const withAccess = (await w.api('/acs/entrances/list_credentials_with_access', { acs_entrance_id: entrance.acs_entrance_id })).body
      .acs_credentials
    assert.ok(
      withAccess.some(
        (c: { acs_user_id: string; access_method: string }) => c.acs_user_id === alice.acs_user_id && c.access_method === 'code',
      ),
    )
    const updated = await w.api('/acs/users/update', {
      acs_user_id: alice.acs_user_id,
      full_name: 'Alice Archer',
      access_schedule: { starts_at: '2026-01-01T00:00:00Z', ends_at: '2027-01-01T00:00:00Z' },
    })
    assert.equal(updated.status, 200, updated.text)
    const after = (await w.api('/acs/users/get', { acs_user_id: alice.acs_user_id })).body.acs_user
    assert.equal(after.full_name, 'Alice Archer')
    assert.deepEqual(after.access_schedule, { starts_at: '2026-01-01T00:00:00.000Z', ends_at: '2027-01-01T00:00:00.000Z' })
    // Suspended, her PIN no longer opens the door.
    await w.api('/acs/users/suspend', { acs_user_id: alice.acs_user_id })
    const whileSuspended = (await w.api('/acs/entrances/list_credentials_with_access', { acs_entrance_id: entrance.acs_entrance_id })).body
      .acs_credentials
    assert.equal(
      whileSuspended.some((c: { acs_user_id: string }) => c.acs_user_id === alice.acs_user_id),
      false,
    )
    assert.equal((await w.api('/acs/users/delete', { acs_user_id: alice.acs_user_id })).status, 200)
    const again = await w.api('/acs/users/get', { acs_user_id: alice.acs_user_id })
    assert.equal(again.status, 404)
    assert.equal(again.body.error.type, 'acs_user_not_found')
    const events = (await w.api('/events/list', {})).body.events as { event_type: string; acs_user_id?: string }[]
    assert.ok(events.some((e) => e.event_type === 'acs_user.deleted' && e.acs_user_id === alice.acs_user_id))
  })

  test('bad input changes nothing: unknown ids 404, a group of another system, a schedule ending before it starts, an unsupported parameter', async () => {
    const w = await createWorld()
    const space = await spaceSite(w)
    await connectSaltoKs(w)
    const ksSystem = (await w.api('/acs/systems/list', {})).body.acs_systems.find(
      (s: { external_type: string }) => s.external_type === 'salto_ks_site',
    )
    const ksGroup = (await w.api('/acs/access_groups/list', { acs_system_id: ksSystem.acs_system_id })).body.acs_access_groups[0]
    const unknown = '00000000-0000-4000-8000-000000000000'
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['/acs/systems/get', { acs_system_id: unknown }, 404, 'acs_system_not_found'],
      ['/acs/users/get', { acs_user_id: unknown }, 404, 'acs_user_not_found'],
      ['/acs/users/get', {}, 400, 'invalid_input'],
      ['/acs/entrances/get', { acs_entrance_id: unknown }, 404, 'acs_entrance_not_found'],
      ['/acs/access_groups/get', { acs_access_group_id: unknown }, 404, 'acs_access_group_not_found'],
      ['/acs/users/create', { acs_system_id: unknown, full_name: 'X' }, 404, 'acs_system_not_found'],
      [
        '/acs/users/create',
        { acs_system_id: space.system.acs_system_id, full_name: 'X', acs_access_group_ids: [ksGroup.acs_access_group_id] },
        400,
        'invalid_input',
      ],
      [
        '/acs/users/create',
        {
          acs_system_id: space.system.acs_system_id,
          full_name: 'X',
          access_schedule: { starts_at: '2027-01-01T00:00:00Z', ends_at: '2026-01-01T00:00:00Z' },
        },
        400,
        'invalid_input',
      ],
      [
        '/acs/users/create',
        { acs_system_id: space.system.acs_system_id, full_name: 'X', user_identity_id: unknown },
        404,
        'user_identity_not_found',
      ],
      ['/acs/entrances/list', { space_id: unknown }, 400, 'invalid_input'],
      ['/acs/users/update', { acs_user_id: unknown, hid_acs_system_id: unknown }, 400, 'invalid_input'],
    ]
    const before = (await w.api('/acs/users/list', {})).body.acs_users.length
    for (const [path, body, status, type] of cases) {
      const res = await w.api(path, body)
      assert.equal(res.status, status, `${path} ${res.text}`)
      assert.equal(res.body.error.type, type, path)
    }
    const someone = (await w.api('/acs/users/list', { acs_system_id: space.system.acs_system_id })).body.acs_users[0]
    const crossed = await w.api('/acs/users/add_to_access_group', {
      acs_user_id: someone.acs_user_id,
      acs_access_group_id: ksGroup.acs_access_group_id,
    })
    assert.equal(crossed.status, 404)
    assert.equal((await w.api('/acs/users/list', {})).body.acs_users.length, before)
    // Another workspace sees none of it.
    const other = await w.api(
      '/acs/systems/get',
      { acs_system_id: space.system.acs_system_id },
      { authorization: `Bearer ${w.other.api_key}` },
    )
    assert.equal(other.status, 404)
  })
})
