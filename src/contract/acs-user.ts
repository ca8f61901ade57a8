import { z } from 'zod'

import { resourceError, resourceWarning } from './fields.ts'

export const ACS_USER_EXTERNAL_TYPES = [
  'pti_user',
  'brivo_user',
  'hid_credential_manager_user',
  'salto_site_user',
  'latch_user',
  'dormakaba_community_user',
  'salto_space_user',
  'avigilon_alta_user',
  'kisi_user',
] as const

/** A start and an end of access, both given (Seam's `access_schedule`). */
export const accessScheduleSchema = z.object({ starts_at: z.iso.datetime(), ends_at: z.iso.datetime().nullable() })

/** A user of an access control system on the wire (`@seamapi/types` acs_user). */
export const acsUserSchema = z.object({
  acs_user_id: z.uuid(),
  acs_system_id: z.uuid(),
  workspace_id: z.uuid(),
  connected_account_id: z.uuid(),
  display_name: z.string(),
  full_name: z.string().optional(),
  email_address: z.string().optional(),
  email: z.string().optional().describe('Deprecated: `email_address`.'),
  phone_number: z.string().optional(),
  external_type: z.enum(ACS_USER_EXTERNAL_TYPES).optional(),
  external_type_display_name: z.string().optional(),
  is_suspended: z.boolean().optional(),
  is_managed: z.literal(true),
  access_schedule: accessScheduleSchema.optional(),
  user_identity_id: z.string().optional(),
  user_identity_full_name: z.string().nullable().optional(),
  user_identity_email_address: z.string().nullable().optional(),
  user_identity_phone_number: z.string().nullable().optional(),
  last_successful_sync_at: z.iso.datetime().nullable(),
  pending_mutations: z.array(z.record(z.string(), z.unknown())).optional(),
  salto_space_metadata: z.object({ user_id: z.string().optional(), audit_openings: z.boolean().optional() }).optional(),
  salto_ks_metadata: z.object({ is_subscribed: z.boolean().optional() }).optional(),
  errors: z.array(resourceError()),
  warnings: z.array(resourceWarning()),
  created_at: z.iso.datetime(),
})
