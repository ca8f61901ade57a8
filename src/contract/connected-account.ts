import { z } from 'zod'

import type { ConnectedAccountRecord } from '../store/records.ts'

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
  automatically_manage_new_devices: z.boolean(),
  errors: z.array(z.unknown()),
  warnings: z.array(z.unknown()),
})

const PROVIDER_NAMES: Record<string, string> = { sandbox: 'Sandbox' }

export const toConnectedAccountResource = (a: ConnectedAccountRecord): z.infer<typeof connectedAccountSchema> => ({
  connected_account_id: a.connectedAccountId,
  workspace_id: a.workspaceId,
  provider: a.provider,
  account_type: a.provider,
  account_type_display_name: PROVIDER_NAMES[a.provider] ?? a.provider,
  display_name: a.displayName,
  user_identifier: a.userIdentifierEmail === null ? {} : { email: a.userIdentifierEmail },
  created_at: a.createdAt,
  custom_metadata: {},
  automatically_manage_new_devices: true,
  errors: [],
  warnings: [],
})
