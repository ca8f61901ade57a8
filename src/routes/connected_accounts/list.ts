import { z } from 'zod'

import { paginationSchema } from '../../contract/client-session.ts'
import { connectedAccountSchema } from '../../contract/connected-account.ts'
import { toConnectedAccountResource } from '../../domain/resources/connected-account.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { WORKSPACE_KEYS } from '../found.ts'
import { listFilterParams, readListFilter } from '../list-filters.ts'
import { pageParams, pageRequest, paginationOf } from '../page-cursor.ts'

export default defineRoute({
  path: '/connected_accounts/list',
  methods: ['GET', 'POST'],
  // Seam's security list leaves client session tokens out: a session reads its accounts one by one (connected_accounts/get).
  auth: WORKSPACE_KEYS,
  description: 'Lists the workspace’s connected accounts, newest first.',
  params: z.object({ ...listFilterParams, ...pageParams }),
  unsupported: ['custom_metadata_has', 'space_id'],
  response: z.object({ connected_accounts: z.array(connectedAccountSchema), pagination: paginationSchema }),
  async handler({ params, auth, context, nextPageUrl }) {
    const filter = await readListFilter(context, auth.workspaceId, params)
    const page = await context.store.listConnectedAccounts(scopeOf(auth), filter, pageRequest(params))
    return {
      connected_accounts: page.items.map(toConnectedAccountResource),
      pagination: paginationOf(page, (a) => ({ createdAt: a.createdAt, id: a.connectedAccountId }), nextPageUrl),
    }
  },
})
