import { z } from 'zod'

import { resourceError, resourceWarning } from './fields.ts'

/** An entrance on the wire (`@seamapi/types` acs_entrance); the provider's metadata field is the one of its system. */
export const acsEntranceSchema = z.object({
  acs_entrance_id: z.uuid(),
  acs_system_id: z.uuid(),
  connected_account_id: z.uuid(),
  display_name: z.string(),
  space_ids: z.array(z.uuid()),
  can_unlock_with_card: z.boolean().optional(),
  can_unlock_with_code: z.boolean().optional(),
  can_unlock_with_mobile_key: z.boolean().optional(),
  can_unlock_with_cloud_key: z.boolean().optional(),
  can_belong_to_reservation: z.boolean().optional(),
  is_locked: z.boolean().optional(),
  salto_space_metadata: z
    .object({
      door_id: z.string().optional(),
      door_name: z.string().optional(),
      door_description: z.string().optional(),
      room_name: z.string().optional(),
      room_description: z.string().optional(),
      audit_on_keys: z.boolean().optional(),
    })
    .optional(),
  salto_ks_metadata: z
    .object({
      door_name: z.string().optional(),
      battery_level: z.string().optional(),
      lock_type: z.string().optional(),
      locked_state: z.string().optional(),
      online: z.boolean().optional(),
      intrusion_alarm: z.boolean().optional(),
      left_open_alarm: z.boolean().optional(),
      privacy_mode: z.boolean().optional(),
    })
    .optional(),
  hotek_metadata: z
    .object({
      room_number: z.string().optional(),
      common_area_number: z.string().optional(),
      common_area_name: z.string().optional(),
    })
    .optional(),
  errors: z.array(resourceError()),
  warnings: z.array(resourceWarning()),
  created_at: z.iso.datetime(),
})
