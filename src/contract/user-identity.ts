import { z } from 'zod'

import type { UserIdentityRecord } from '../store/records.ts'

/** A user identity on the wire, with Seam's field names (`@seamapi/types` user_identity). */
export const userIdentitySchema = z.object({
  user_identity_id: z.uuid(),
  workspace_id: z.uuid(),
  user_identity_key: z.string().nullable(),
  email_address: z.string().nullable(),
  phone_number: z.string().nullable(),
  full_name: z.string().nullable(),
  display_name: z.string(),
  created_at: z.iso.datetime(),
})

export const toUserIdentityResource = (u: UserIdentityRecord): z.infer<typeof userIdentitySchema> => ({
  user_identity_id: u.userIdentityId,
  workspace_id: u.workspaceId,
  user_identity_key: u.userIdentityKey,
  email_address: u.emailAddress,
  phone_number: u.phoneNumber,
  full_name: u.fullName,
  display_name: u.fullName ?? u.emailAddress ?? u.phoneNumber ?? u.userIdentityKey ?? '',
  created_at: u.createdAt,
})
