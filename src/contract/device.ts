import { z } from 'zod'

import { resourceError, resourceWarning } from './fields.ts'

/** A device on the wire, with Seam's field names (`@seamapi/types` device); hardware fields live in `properties`. */
export const deviceSchema = z.looseObject({
  device_id: z.uuid(),
  workspace_id: z.uuid(),
  connected_account_id: z.uuid(),
  device_type: z.string(),
  display_name: z.string(),
  nickname: z.string(),
  space_ids: z.array(z.uuid()),
  properties: z.looseObject({
    name: z.string(),
    appearance: z.object({ name: z.string() }),
    online: z.boolean(),
    locked: z.boolean().optional(),
    door_open: z.boolean().optional(),
    battery_level: z.number().optional(),
    manufacturer: z.string().optional(),
    model: z.looseObject({ display_name: z.string(), manufacturer_display_name: z.string() }),
    image_url: z.string().optional(),
  }),
  device_provider: z
    .object({ device_provider_name: z.string(), display_name: z.string(), image_url: z.string(), provider_category: z.string() })
    .optional(),
  capabilities_supported: z.array(z.string()),
  // Each kind of device carries its own `can_*` flags (sandbox/kinds/), and no other kind's.
  can_remotely_lock: z.boolean().optional(),
  can_remotely_unlock: z.boolean().optional(),
  can_program_online_access_codes: z.boolean().optional(),
  can_program_offline_access_codes: z.boolean().optional(),
  can_unlock_with_code: z.boolean().optional(),
  is_managed: z.literal(true),
  custom_metadata: z.record(z.string(), z.unknown()),
  created_at: z.iso.datetime(),
  errors: z.array(resourceError()),
  warnings: z.array(resourceWarning()),
})

/** A device provider (`@seamapi/types` device_provider). */
export const deviceProviderSchema = z.looseObject({
  device_provider_name: z.string(),
  display_name: z.string(),
  image_url: z.string(),
  provider_categories: z.array(z.string()),
})
