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
    'Creates a workspace with the personal access token’s user as its member, and a publishable key for it. Sent without `seam-workspace`, as Seam’s SDK does (SeamHttpWithoutWorkspace).',
  params: z.object({
    name: z.string().trim().min(1).max(255),
    is_sandbox: z.boolean().default(false),
  }),
  // A workspace's company name is its name here, and webviews are not customised.
  unsupported: [
    'company_name',
    'connect_partner_name',
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
    })
    return { workspace: toWorkspaceResource(workspace) }
  },
})
