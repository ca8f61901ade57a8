import type { z } from 'zod'

import type { userIdentitySchema } from '../../contract/user-identity.ts'
import type { UserIdentityRecord } from '../../store/records.ts'

export const toUserIdentityResource = (u: UserIdentityRecord): z.infer<typeof userIdentitySchema> => ({
  user_identity_id: u.userIdentityId,
  workspace_id: u.workspaceId,
  user_identity_key: u.userIdentityKey,
  email_address: u.emailAddress,
  phone_number: u.phoneNumber,
  full_name: u.fullName,
  display_name: u.fullName ?? u.emailAddress ?? u.phoneNumber ?? u.userIdentityKey ?? '',
  created_at: u.createdAt,
  acs_user_ids: [],
  merged_user_identity_ids: [],
  merged_user_identity_keys: [],
  errors: [],
  warnings: [],
})
