import { z } from 'zod'

import { resourceError } from './fields.ts'

/** A card encoder on the wire (`@seamapi/types` acs_encoder). */
export const acsEncoderSchema = z.object({
  acs_encoder_id: z.uuid(),
  acs_system_id: z.uuid(),
  workspace_id: z.uuid(),
  connected_account_id: z.uuid(),
  display_name: z.string(),
  errors: z.array(resourceError()),
  created_at: z.iso.datetime(),
})
