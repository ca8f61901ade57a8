import { z } from 'zod'

import { resourceError, resourceWarning } from './fields.ts'

export const ACS_ACCESS_METHODS = ['code', 'card', 'mobile_key', 'cloud_key'] as const

export const ACS_CREDENTIAL_EXTERNAL_TYPES = [
  'pti_card',
  'brivo_credential',
  'hid_credential',
  'visionline_card',
  'salto_ks_credential',
  'assa_abloy_vostio_key',
  'salto_space_key',
  'latch_access',
  'dormakaba_ambiance_credential',
  'hotek_card',
  'salto_ks_tag',
  'avigilon_alta_credential',
  'kisi_credential',
] as const

/** A credential on the wire (`@seamapi/types` acs_credential). */
export const acsCredentialSchema = z.object({
  acs_credential_id: z.uuid(),
  acs_system_id: z.uuid(),
  workspace_id: z.uuid(),
  connected_account_id: z.uuid(),
  acs_user_id: z.uuid().optional(),
  user_identity_id: z.uuid().optional(),
  display_name: z.string(),
  access_method: z.enum(ACS_ACCESS_METHODS),
  external_type: z.enum(ACS_CREDENTIAL_EXTERNAL_TYPES).optional(),
  external_type_display_name: z.string().optional(),
  code: z.string().nullable().optional(),
  card_number: z.string().nullable().optional(),
  is_issued: z.boolean().optional(),
  issued_at: z.iso.datetime().nullable().optional(),
  starts_at: z.string().optional(),
  ends_at: z.string().optional(),
  is_multi_phone_sync_credential: z.boolean().optional(),
  is_one_time_use: z.boolean().optional(),
  parent_acs_credential_id: z.uuid().optional(),
  is_latest_desired_state_synced_with_provider: z.boolean().nullable().optional(),
  latest_desired_state_synced_with_provider_at: z.iso.datetime().nullable().optional(),
  is_managed: z.literal(true),
  errors: z.array(resourceError()),
  warnings: z.array(resourceWarning()),
  created_at: z.iso.datetime(),
})
