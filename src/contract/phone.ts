import { z } from 'zod'

import { resourceError, resourceWarning } from './fields.ts'

export const PHONE_DEVICE_TYPES = ['ios_phone', 'android_phone'] as const

/** A user identity's phone on the wire (`@seamapi/types` phone). */
export const phoneSchema = z.object({
  device_id: z.uuid(),
  workspace_id: z.uuid(),
  display_name: z.string(),
  nickname: z.string().optional(),
  device_type: z.enum(PHONE_DEVICE_TYPES),
  custom_metadata: z.record(z.string(), z.union([z.string(), z.boolean()])),
  properties: z.object({
    assa_abloy_credential_service_metadata: z
      .object({
        has_active_endpoint: z.boolean().optional(),
        endpoints: z.array(z.object({ endpoint_id: z.string().optional(), is_active: z.boolean().optional() })).optional(),
      })
      .optional(),
    salto_space_credential_service_metadata: z.object({ has_active_phone: z.boolean().optional() }).optional(),
  }),
  errors: z.array(resourceError()),
  warnings: z.array(resourceWarning()),
  created_at: z.iso.datetime(),
})
