import { z } from 'zod'

import { notFound } from '../../contract/api-error.ts'
import { id } from '../../contract/fields.ts'
import { defineRoute } from '../../http/route.ts'
import { WORKSPACE_KEYS } from '../found.ts'

export default defineRoute({
  path: '/webhooks/delete',
  methods: ['DELETE', 'POST'],
  auth: WORKSPACE_KEYS,
  description: 'Removes a webhook and the deliveries still owed to it.',
  params: z.object({ webhook_id: id() }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    if (!(await context.store.deleteWebhook(auth.workspaceId, params.webhook_id))) throw notFound('webhook')
    return {}
  },
})
