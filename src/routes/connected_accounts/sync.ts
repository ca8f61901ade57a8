import { z } from 'zod'

import { id } from '../../contract/fields.ts'
import { defineRoute } from '../../http/route.ts'
import { found, WORKSPACE_KEYS } from '../found.ts'

export default defineRoute({
  path: '/connected_accounts/sync',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Requests a sync of the account with its provider. The sandbox provider keeps its state in Latchkey’s own store, always current, so there is nothing to fetch: the answer confirms the account exists.',
  params: z.object({ connected_account_id: id() }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    found(
      await context.store.getConnectedAccount({ workspaceId: auth.workspaceId, clientSessionId: null }, params.connected_account_id),
      'connected_account',
    )
    return {}
  },
})
