import { z } from 'zod'

import { notFound } from '../../contract/api-error.ts'
import { id } from '../../contract/fields.ts'
import { defineRoute } from '../../http/route.ts'
import { WORKSPACE_KEYS } from '../found.ts'

export default defineRoute({
  path: '/instant_keys/delete',
  methods: ['POST', 'DELETE'],
  auth: WORKSPACE_KEYS,
  description: 'Deletes an Instant Key and revokes the client session behind it: its link no longer opens anything.',
  params: z.object({ instant_key_id: id() }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    const at = context.clock.now().toISOString()
    const key = await context.store.deleteInstantKey(auth.workspaceId, params.instant_key_id)
    if (key === undefined) throw notFound('instant_key')
    await context.store.revokeClientSession(auth.workspaceId, key.clientSessionId, at)
    return {}
  },
})
