import { z } from 'zod'

import { resourceError, resourceWarning } from './fields.ts'

/** A connected account on the wire, with Seam's field names (`@seamapi/types` connected_account). */
export const connectedAccountSchema = z.object({
  connected_account_id: z.uuid(),
  workspace_id: z.uuid(),
  provider: z.string(),
  account_type: z.string(),
  account_type_display_name: z.string(),
  display_name: z.string(),
  user_identifier: z.object({ email: z.string().optional() }),
  created_at: z.iso.datetime(),
  custom_metadata: z.record(z.string(), z.unknown()),
  /** Present once a webview created for a customer connected the account. */
  customer_key: z.string().optional(),
  automatically_manage_new_devices: z.boolean(),
  accepted_capabilities: z.array(z.string()),
  errors: z.array(resourceError()),
  warnings: z.array(resourceWarning()),
})
