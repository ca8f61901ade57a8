import assert from 'node:assert/strict'

import { connectSaltoKs, connectSaltoSpace } from '../fixtures/acs.ts'
import type { Response, World } from '../fixtures/world.ts'

/** The contract test's `call`: a route by its first method, its 200 answer validated against Seam's schema. */
type Call = (path: string, body?: Record<string, unknown>, headers?: Record<string, string>) => Promise<Response['body']>

/**
 * Every access control route of acs/systems, users, access groups and entrances, called as the
 * contract test calls the others: a client session of a user identity for what Seam lets one do,
 * a key for the rest. Connects Seam's sandbox Salto Space and Salto KS logins first.
 */
export const callAcsRoutes = async (w: World, call: Call): Promise<void> => {
  const spaceAccount = await connectSaltoSpace(w)
  await connectSaltoKs(w)
  const systems = (await call('/acs/systems/list', { connected_account_id: spaceAccount })).acs_systems as { acs_system_id: string }[]
  const acs_system_id = systems[0]?.acs_system_id as string
  await call('/acs/systems/get', { acs_system_id })
  await call('/acs/systems/list_compatible_credential_manager_acs_systems', { acs_system_id })
  const groups = (await call('/acs/access_groups/list', { acs_system_id })).acs_access_groups as { acs_access_group_id: string }[]
  const acs_access_group_id = groups[0]?.acs_access_group_id as string
  await call('/acs/access_groups/get', { acs_access_group_id })
  await call('/acs/access_groups/list_users', { acs_access_group_id })
  await call('/acs/access_groups/list_accessible_entrances', { acs_access_group_id })

  const identity = (await call('/user_identities/create', { user_identity_key: 'acs-guest', full_name: 'Ada Guest' })).user_identity
  const user_identity_id = identity.user_identity_id as string
  const user = (
    await call('/acs/users/create', {
      acs_system_id,
      full_name: 'Ada Guest',
      email_address: 'ada@example.com',
      user_identity_id,
      acs_access_group_ids: [acs_access_group_id],
      access_schedule: { starts_at: '2026-01-01T00:00:00.000Z', ends_at: '2030-01-01T00:00:00.000Z' },
    })
  ).acs_user
  const acs_user_id = user.acs_user_id as string
  const session = (await call('/client_sessions/create', { user_identity_id })).client_session
  const cst = w.as.cst(session.token)
  await call('/acs/systems/list', {}, cst)
  await call('/acs/users/list', {}, cst)
  await call('/acs/users/list', { acs_system_id })
  await call('/acs/users/get', { acs_user_id })
  await call('/acs/users/update', { acs_user_id, phone_number: '+15555550123' })
  await call('/acs/users/list_accessible_entrances', { acs_user_id }, cst)
  const entrances = (await call('/acs/entrances/list', {}, cst)).acs_entrances as { acs_entrance_id: string }[]
  const acs_entrance_id = entrances[0]?.acs_entrance_id as string
  await call('/acs/entrances/get', { acs_entrance_id }, cst)
  await call('/acs/entrances/list', { acs_system_id })
  await call('/acs/entrances/list_credentials_with_access', { acs_entrance_id }, cst)
  await call('/acs/entrances/list_credentials_with_access', { acs_entrance_id })
  await call('/acs/entrances/grant_access', { acs_entrance_id, acs_user_id })
  await call('/acs/users/suspend', { acs_user_id })
  await call('/acs/users/unsuspend', { acs_user_id })
  await call('/acs/users/remove_from_access_group', { acs_user_id, acs_access_group_id })
  await call('/acs/users/add_to_access_group', { acs_user_id, acs_access_group_id })
  await call('/acs/access_groups/remove_user', { acs_access_group_id, acs_user_id })
  await call('/acs/access_groups/add_user', { acs_access_group_id, user_identity_id })
  await call('/acs/users/revoke_access_to_all_entrances', { acs_user_id })
  await call('/acs/users/delete', { acs_user_id })
  const doomed = groups[1]?.acs_access_group_id as string
  await call('/acs/access_groups/delete', { acs_access_group_id: doomed })
  const events = (await call('/events/list')).events as { event_type: string }[]
  for (const type of ['acs_user.created', 'acs_user.deleted', 'acs_access_group.deleted', 'acs_system.connected'])
    assert.ok(
      events.some((e) => e.event_type === type),
      `no ${type} event`,
    )
}
