import { z } from 'zod'

/** A workspace on the wire, with Seam's field names (`@seamapi/types` workspace). */
export const workspaceSchema = z.object({
  workspace_id: z.uuid(),
  name: z.string(),
  company_name: z.string(),
  is_sandbox: z.boolean(),
  connect_partner_name: z.string().nullable(),
  is_suspended: z.boolean(),
  is_publishable_key_auth_enabled: z.boolean(),
  organization_id: z.uuid().nullable(),
  connect_webview_customization: z.object({}),
  created_at: z.iso.datetime(),
})
