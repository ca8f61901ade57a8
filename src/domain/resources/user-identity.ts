import type { z } from 'zod'

import type { unmanagedUserIdentitySchema, userIdentitySchema } from '../../contract/user-identity.ts'
import type { NewUserIdentity } from '../../store/records.ts'

/** The identity on the wire; `acsUserIds`: its acs users (store.acsUserIdsOfIdentities), none for a new one. */
export const toUserIdentityResource = (u: NewUserIdentity, acsUserIds: readonly string[] = []): z.infer<typeof userIdentitySchema> => ({
  user_identity_id: u.userIdentityId,
  workspace_id: u.workspaceId,
  user_identity_key: u.userIdentityKey,
  email_address: u.emailAddress,
  phone_number: u.phoneNumber,
  full_name: u.fullName,
  display_name: u.fullName ?? u.emailAddress ?? u.phoneNumber ?? u.userIdentityKey ?? '',
  created_at: u.createdAt,
  acs_user_ids: [...acsUserIds],
  merged_user_identity_ids: [],
  merged_user_identity_keys: [],
  errors: [],
  warnings: [],
})

/** An unmanaged identity on the wire: Seam's shape without a key (unmanaged identities have none). */
export const toUnmanagedUserIdentityResource = (
  u: NewUserIdentity,
  acsUserIds: readonly string[],
): z.infer<typeof unmanagedUserIdentitySchema> => ({
  user_identity_id: u.userIdentityId,
  workspace_id: u.workspaceId,
  email_address: u.emailAddress,
  phone_number: u.phoneNumber,
  full_name: u.fullName,
  display_name: u.fullName ?? u.emailAddress ?? u.phoneNumber ?? u.userIdentityId,
  created_at: u.createdAt,
  acs_user_ids: [...acsUserIds],
  errors: [],
  warnings: [],
})
