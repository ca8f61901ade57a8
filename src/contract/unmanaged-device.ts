import { z } from 'zod'

import { resourceError, resourceWarning } from './fields.ts'

/**
 * An unmanaged device on the wire (`@seamapi/types` unmanaged_device): Seam's reduced shape, with
 * the few hardware properties it keeps and `is_managed: false`. It cannot be controlled until
 * converted back (`devices/unmanaged/update` with `is_managed: true`).
 */
export const unmanagedDeviceSchema = z.object({
  device_id: z.uuid(),
  workspace_id: z.uuid(),
  connected_account_id: z.uuid(),
  device_type: z.string(),
  properties: z.object({
    name: z.string(),
    online: z.boolean(),
    model: z.looseObject({ display_name: z.string(), manufacturer_display_name: z.string() }),
    manufacturer: z.string().optional(),
    image_url: z.string().optional(),
    image_alt_text: z.string().optional(),
    battery_level: z.number().optional(),
    battery: z.object({ level: z.number(), status: z.string() }).optional(),
  }),
  capabilities_supported: z.array(z.string()),
  can_remotely_lock: z.boolean().optional(),
  can_remotely_unlock: z.boolean().optional(),
  can_program_online_access_codes: z.boolean().optional(),
  can_program_offline_access_codes: z.boolean().optional(),
  can_unlock_with_code: z.boolean().optional(),
  is_managed: z.literal(false),
  custom_metadata: z.record(z.string(), z.unknown()),
  created_at: z.iso.datetime(),
  errors: z.array(resourceError()),
  warnings: z.array(resourceWarning()),
})
