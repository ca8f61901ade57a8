import { z } from 'zod'

import { webhookEventTypes, webhookSchema, webhookUrl } from '../../contract/webhook.ts'
import { createWebhook, toWebhookResource } from '../../domain/webhooks.ts'
import { defineRoute } from '../../http/route.ts'
import { WORKSPACE_KEYS } from '../found.ts'

export default defineRoute({
  path: '/webhooks/create',
  methods: ['POST', 'PUT'],
  auth: WORKSPACE_KEYS,
  description:
    'Registers a webhook: every event of the workspace whose type is in `event_types` (default `*`, every type) is POSTed to `url`, signed as Svix signs (verify with @seamapi/webhook and the `secret` answered).',
  params: z.object({ url: webhookUrl(), event_types: webhookEventTypes().default(['*']) }),
  response: z.object({ webhook: webhookSchema }),
  async handler({ params, auth, context }) {
    const webhook = await createWebhook(context, auth.workspaceId, params.url, params.event_types)
    return { webhook: toWebhookResource(context, webhook) }
  },
})
