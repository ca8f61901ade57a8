import { z } from 'zod'

import { notFound } from '../../contract/api-error.ts'
import { id } from '../../contract/fields.ts'
import { defineRoute } from '../../http/route.ts'
import { WORKSPACE_KEYS } from '../found.ts'

export default defineRoute({
  path: '/connected_accounts/delete',
  methods: ['DELETE', 'POST'],
  auth: WORKSPACE_KEYS,
  description: 'Deletes a connected account and its devices, and removes it from every client session.',
  params: z.object({ connected_account_id: id() }),
  unsupported: ['sync'],
  response: z.object({}),
  async handler({ params, auth, context }) {
    const at = context.clock.now().toISOString()
    const deleted = await context.store.deleteConnectedAccount(auth.workspaceId, params.connected_account_id, at)
    if (!deleted) throw notFound('connected_account')
    return {}
  },
})
