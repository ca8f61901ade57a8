import type { z } from 'zod'

import type { workspaceSchema } from '../../contract/workspace.ts'
import type { Workspace } from '../../store/records.ts'

export const toWorkspaceResource = (w: Workspace): z.infer<typeof workspaceSchema> => ({
  workspace_id: w.workspaceId,
  name: w.name,
  company_name: w.name,
  is_sandbox: w.isSandbox,
  connect_partner_name: null,
  is_suspended: false,
  created_at: w.createdAt,
})
