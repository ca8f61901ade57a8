import { z } from 'zod'

import { id } from '../../contract/fields.ts'
import { webhookEventTypes } from '../../contract/webhook.ts'
import { setWebhookEventTypes } from '../../domain/webhooks.ts'
import { defineRoute } from '../../http/route.ts'
import { WORKSPACE_KEYS } from '../found.ts'

export default defineRoute({
  path: '/webhooks/update',
  methods: ['POST', 'PUT'],
  auth: WORKSPACE_KEYS,
  description: 'Replaces the event types a webhook receives; events recorded afterwards follow the new types.',
  params: z.object({ webhook_id: id(), event_types: webhookEventTypes() }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    await setWebhookEventTypes(context, auth.workspaceId, params.webhook_id, params.event_types)
    return {}
  },
})
