import { z } from 'zod'

import { accessScheduleSchema } from './acs-user.ts'
import { resourceError, resourceWarning } from './fields.ts'

export const ACS_ACCESS_GROUP_EXTERNAL_TYPES = [
  'pti_unit',
  'pti_access_level',
  'salto_ks_access_group',
  'brivo_group',
  'salto_space_group',
  'dormakaba_community_access_group',
  'dormakaba_ambiance_access_group',
  'avigilon_alta_group',
  'kisi_access_group',
] as const

/** An access group on the wire (`@seamapi/types` acs_access_group). */
export const acsAccessGroupSchema = z.object({
  acs_access_group_id: z.uuid(),
  acs_system_id: z.uuid(),
  workspace_id: z.uuid(),
  connected_account_id: z.uuid(),
  name: z.string(),
  display_name: z.string(),
  external_type: z.enum(ACS_ACCESS_GROUP_EXTERNAL_TYPES),
  external_type_display_name: z.string(),
  access_group_type: z.enum(ACS_ACCESS_GROUP_EXTERNAL_TYPES).describe('Deprecated: `external_type`.'),
  access_group_type_display_name: z.string().describe('Deprecated: `external_type_display_name`.'),
  access_schedule: accessScheduleSchema.optional(),
  is_managed: z.literal(true),
  pending_mutations: z.array(z.record(z.string(), z.unknown())),
  errors: z.array(resourceError()),
  warnings: z.array(resourceWarning()),
  created_at: z.iso.datetime(),
})
