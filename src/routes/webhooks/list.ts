import { z } from 'zod'

import { webhookSchema } from '../../contract/webhook.ts'
import { toWebhookResource } from '../../domain/webhooks.ts'
import { defineRoute } from '../../http/route.ts'
import { WORKSPACE_KEYS } from '../found.ts'

export default defineRoute({
  path: '/webhooks/list',
  methods: ['GET', 'POST'],
  auth: WORKSPACE_KEYS,
  description: 'Lists the workspace’s webhooks, oldest first.',
  params: z.object({}),
  response: z.object({ webhooks: z.array(webhookSchema) }),
  async handler({ auth, context }) {
    const webhooks = await context.store.listWebhooks(auth.workspaceId)
    return { webhooks: webhooks.map((webhook) => toWebhookResource(context, webhook)) }
  },
})
