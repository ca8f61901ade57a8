import { z } from 'zod'

import { notFound } from '../../contract/api-error.ts'
import { defineRoute } from '../../http/route.ts'
import { optional } from '../../store/optional.ts'
import { WORKSPACE_KEYS } from '../found.ts'

export default defineRoute({
  path: '/workspaces/update',
  methods: ['PATCH', 'POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Changes the caller’s workspace: `name`, the deprecated `connect_partner_name` (which names the company as well, `company_name` in the workspace) and `is_suspended` (kept and answered; Latchkey serves a suspended workspace as any other). Absent parameters stay as they are.',
  params: z.object({
    name: z.string().trim().min(1).max(255).optional(),
    connect_partner_name: z.string().trim().min(1).max(255).optional(),
    is_suspended: z.boolean().optional(),
  }),
  // Webviews are not customised, publishable keys are always enabled, and there are no organizations.
  // company_name is not a parameter of Seam's update (connect_partner_name is how it changes there):
  // refused by name rather than ignored, so a client that sends it learns it changed nothing.
  unsupported: ['connect_webview_customization', 'is_publishable_key_auth_enabled', 'organization_id', 'company_name'],
  responseKey: null,
  response: z.object({}),
  async handler({ params, auth, context }) {
    const changes = optional({
      name: params.name,
      connectPartnerName: params.connect_partner_name,
      // Seam replaced connect_partner_name with company_name; writing the old name writes the company's.
      companyName: params.connect_partner_name,
      isSuspended: params.is_suspended,
    })
    const changed = await context.store.updateWorkspace(auth.workspaceId, changes)
    if (!changed) throw notFound('workspace')
    return {}
  },
})
