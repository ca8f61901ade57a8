import { z } from 'zod'

import { connectedAccountSchema } from '../../contract/connected-account.ts'
import { toConnectedAccountResource } from '../../domain/resources/connected-account.ts'
import { id } from '../../contract/fields.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { found, SCOPED_READERS } from '../found.ts'

export default defineRoute({
  path: '/connected_accounts/get',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description: 'Returns a connected account. A client session token reaches only the accounts in its scope.',
  params: z.object({ connected_account_id: id() }),
  unsupported: ['email'],
  response: z.object({ connected_account: connectedAccountSchema }),
  async handler({ params, auth, context }) {
    const account = await context.store.getConnectedAccount(scopeOf(auth), params.connected_account_id)
    return { connected_account: toConnectedAccountResource(found(account, 'connected_account')) }
  },
})
