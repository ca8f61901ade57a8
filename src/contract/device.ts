import { z } from 'zod'

/** A device on the wire, with Seam's field names (`@seamapi/types` device). */
export const deviceSchema = z.object({
  device_id: z.uuid(),
  workspace_id: z.uuid(),
  connected_account_id: z.uuid(),
  device_type: z.string(),
  display_name: z.string(),
  properties: z.looseObject({ name: z.string(), online: z.boolean(), locked: z.boolean().optional() }),
  capabilities_supported: z.array(z.string()),
  can_remotely_lock: z.boolean(),
  can_remotely_unlock: z.boolean(),
  is_managed: z.boolean(),
  location: z.null(),
  custom_metadata: z.record(z.string(), z.unknown()),
  created_at: z.iso.datetime(),
  errors: z.array(z.unknown()),
  warnings: z.array(z.unknown()),
})
