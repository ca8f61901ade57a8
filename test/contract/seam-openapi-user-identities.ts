import assert from 'node:assert/strict'

import { connectSaltoSpace } from '../fixtures/acs.ts'
import type { Response, World } from '../fixtures/world.ts'

/** The contract test's `call`: a route by its first method, its 200 answer validated against Seam's schema. */
type Call = (path: string, body?: Record<string, unknown>, headers?: Record<string, string>) => Promise<Response['body']>

/**
 * User identities' access control, phones and instant keys, called as the contract test calls the
 * others: a client session for what Seam lets one do, a key for the rest. Connects a Salto Space
 * account (whose users come with unmanaged identities) and reads a device of the workspace.
 */
export const callUserIdentityAccessRoutes = async (w: World, call: Call): Promise<void> => {
  await connectSaltoSpace(w)
  const unmanaged = (await call('/user_identities/unmanaged/list')).user_identities as {
    user_identity_id: string
    acs_user_ids: string[]
  }[]
  const [guest, staff] = unmanaged
  assert.ok(guest && staff, 'the Salto Space users came with unmanaged identities')
  await call('/user_identities/unmanaged/get', { user_identity_id: guest.user_identity_id })
  const acsUserId = guest.acs_user_ids[0] as string

  const holder = (await call('/user_identities/create', { user_identity_key: 'acs-holder', full_name: 'Acs Holder' })).user_identity
  const user_identity_id = holder.user_identity_id as string
  await call('/user_identities/update', { user_identity_id, email_address: 'holder@example.com', phone_number: null })
  await call('/user_identities/add_acs_user', { user_identity_id, acs_user_id: acsUserId })
  await call('/user_identities/list_acs_users', { user_identity_id })
  const session = (await call('/client_sessions/create', { user_identifier_key: 'acs-holder', user_identity_id })).client_session
  const cst = w.as.cst(session.token)
  await call('/user_identities/list_acs_systems', { user_identity_id }, cst)
  const entrances = (await call('/user_identities/list_accessible_entrances', { user_identity_id }, cst)).acs_entrances as unknown[]
  assert.ok(entrances.length > 0)

  const devices = (await w.api('/devices/list')).body.devices as { device_id: string }[]
  const device_id = devices[0]?.device_id
  assert.ok(device_id, 'the contract test connected devices before')
  await call('/user_identities/grant_access_to_device', { user_identity_id, device_id })
  assert.equal(((await call('/user_identities/list_accessible_devices', { user_identity_id })).devices as unknown[]).length, 1)
  await call('/user_identities/revoke_access_to_device', { user_identity_id, device_id })

  const phone = (await call('/phones/simulate/create_sandbox_phone', { user_identity_id })).phone
  await call('/phones/list', { owner_user_identity_id: user_identity_id })
  await call('/phones/get', { device_id: phone.device_id })
  await call('/phones/deactivate', { device_id: phone.device_id }, cst)

  const key = (await call('/user_identities/generate_instant_key', { user_identity_id })).instant_key
  await call('/instant_keys/get', { instant_key_id: key.instant_key_id })
  await call('/instant_keys/list', { user_identity_id })
  await call('/instant_keys/delete', { instant_key_id: key.instant_key_id })

  await call('/user_identities/remove_acs_user', { user_identity_id, acs_user_id: acsUserId })
  await call('/user_identities/unmanaged/update', {
    user_identity_id: staff.user_identity_id,
    is_managed: true,
    user_identity_key: 'maria',
  })
}
