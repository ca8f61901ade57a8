import { z } from 'zod'

import { resourceError, resourceWarning } from './fields.ts'

/** Seam's `external_type` of an access control system, as its document enumerates them. */
export const ACS_SYSTEM_EXTERNAL_TYPES = [
  'pti_site',
  'avigilon_alta_org',
  'salto_ks_site',
  'salto_space_system',
  'brivo_account',
  'hid_credential_manager_organization',
  'visionline_system',
  'assa_abloy_credential_service',
  'latch_building',
  'dormakaba_community_site',
  'dormakaba_ambiance_site',
  'legic_connect_credential_service',
  'assa_abloy_vostio',
  'assa_abloy_vostio_credential_service',
  'hotek_site',
  'kisi_organization',
] as const

/** An access control system on the wire (`@seamapi/types` acs_system). */
export const acsSystemSchema = z.object({
  acs_system_id: z.uuid(),
  workspace_id: z.uuid(),
  connected_account_id: z.uuid(),
  connected_account_ids: z.array(z.uuid()).describe('Deprecated: the one connected account, as a list.'),
  name: z.string(),
  external_type: z.enum(ACS_SYSTEM_EXTERNAL_TYPES).optional(),
  external_type_display_name: z.string().optional(),
  system_type: z.enum(ACS_SYSTEM_EXTERNAL_TYPES).optional().describe('Deprecated: `external_type`.'),
  system_type_display_name: z.string().optional().describe('Deprecated: `external_type_display_name`.'),
  is_credential_manager: z.boolean(),
  location: z.object({ time_zone: z.string().nullable() }),
  image_url: z.string(),
  image_alt_text: z.string(),
  acs_user_count: z.number().optional(),
  acs_access_group_count: z.number().optional(),
  default_credential_manager_acs_system_id: z.uuid().nullable().optional(),
  errors: z.array(resourceError()),
  warnings: z.array(resourceWarning()),
  created_at: z.iso.datetime(),
})
