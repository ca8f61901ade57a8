import type { z } from 'zod'

import type { workspaceSchema } from '../../contract/workspace.ts'
import type { Workspace } from '../../store/records.ts'

export const toWorkspaceResource = (w: Workspace): z.infer<typeof workspaceSchema> => ({
  workspace_id: w.workspaceId,
  name: w.name,
  // A workspace created without a company name is its own company.
  company_name: w.companyName ?? w.name,
  is_sandbox: w.isSandbox,
  connect_partner_name: w.connectPartnerName,
  is_suspended: w.isSuspended,
  // Every workspace has a publishable key, so front ends may mint their own sessions.
  is_publishable_key_auth_enabled: true,
  organization_id: null,
  connect_webview_customization: {},
  created_at: w.createdAt,
})
