import { z } from 'zod'

import { resourceError, resourceWarning } from './fields.ts'

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
  acs_user_ids: z.array(z.uuid()),
  /** Identities merged into this one; Latchkey cannot merge identities, so always empty. */
  merged_user_identity_ids: z.array(z.uuid()),
  merged_user_identity_keys: z.array(z.string()),
  errors: z.array(resourceError()),
  warnings: z.array(resourceWarning()),
})

/**
 * An unmanaged user identity on the wire (`@seamapi/types` unmanaged_user_identity): one Seam made
 * for an access system's user. Seam's user identity without its key; no merged identities either.
 */
export const unmanagedUserIdentitySchema = userIdentitySchema.omit({
  user_identity_key: true,
  merged_user_identity_ids: true,
  merged_user_identity_keys: true,
})
