import { z } from 'zod'

import { workspaceSchema } from '../../contract/workspace.ts'
import { createWorkspaceForUser } from '../../domain/provisioning.ts'
import { toWorkspaceResource } from '../../domain/resources/workspace.ts'
import { defineRoute } from '../../http/route.ts'

export default defineRoute({
  path: '/workspaces/create',
  methods: ['POST', 'PUT'],
  auth: ['personal_access_token_without_workspace'],
  description:
    'Creates a workspace with the personal access token’s user as its member, and a publishable key for it; `company_name` (or the deprecated `connect_partner_name`) is kept and answered, the name standing in when neither is given. Sent without `seam-workspace`, as Seam’s SDK does (SeamHttpWithoutWorkspace).',
  params: z.object({
    name: z.string().trim().min(1).max(255),
    // Absent, the workspace's name is its company name.
    company_name: z.string().trim().min(1).max(255).optional(),
    // Seam's deprecated twin of company_name: stored and answered, and the company name when company_name is absent.
    connect_partner_name: z.string().trim().min(1).max(255).nullable().optional(),
    is_sandbox: z.boolean().default(false),
  }),
  // Webviews are not customised, and there are no organizations.
  unsupported: [
    'connect_webview_customization',
    'organization_id',
    'webview_logo_shape',
    'webview_primary_button_color',
    'webview_primary_button_text_color',
    'webview_success_message',
  ],
  response: z.object({ workspace: workspaceSchema }),
  async handler({ params, auth, context }) {
    const workspace = await createWorkspaceForUser(context.store, context.clock, auth.userId, {
      name: params.name,
      isSandbox: params.is_sandbox,
      companyName: params.company_name,
      connectPartnerName: params.connect_partner_name,
    })
    return { workspace: toWorkspaceResource(workspace) }
  },
})
