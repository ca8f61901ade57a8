import { z } from 'zod'

import { id } from '../../contract/fields.ts'
import { webhookSchema } from '../../contract/webhook.ts'
import { toWebhookResource, webhookInWorkspace } from '../../domain/webhooks.ts'
import { defineRoute } from '../../http/route.ts'
import { WORKSPACE_KEYS } from '../found.ts'

export default defineRoute({
  path: '/webhooks/get',
  methods: ['GET', 'POST'],
  auth: WORKSPACE_KEYS,
  description: 'Returns a webhook of the workspace, with its signing secret.',
  params: z.object({ webhook_id: id() }),
  response: z.object({ webhook: webhookSchema }),
  async handler({ params, auth, context }) {
    return { webhook: toWebhookResource(context, await webhookInWorkspace(context, auth.workspaceId, params.webhook_id)) }
  },
})
