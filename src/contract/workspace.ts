import { z } from 'zod'

import type { Workspace } from '../store/records.ts'

/** A workspace on the wire, with Seam's field names (`@seamapi/types` workspace). */
export const workspaceSchema = z.object({
  workspace_id: z.uuid(),
  name: z.string(),
  company_name: z.string(),
  is_sandbox: z.boolean(),
  connect_partner_name: z.string().nullable(),
  is_suspended: z.boolean(),
  created_at: z.iso.datetime(),
})

export const toWorkspaceResource = (w: Workspace): z.infer<typeof workspaceSchema> => ({
  workspace_id: w.workspaceId,
  name: w.name,
  company_name: w.name,
  is_sandbox: w.isSandbox,
  connect_partner_name: null,
  is_suspended: false,
  created_at: w.createdAt,
})
