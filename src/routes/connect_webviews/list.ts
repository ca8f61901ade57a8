import { z } from 'zod'

import { paginationSchema } from '../../contract/client-session.ts'
import { connectWebviewSchema } from '../../contract/connect-webview.ts'
import { toConnectWebviewResource } from '../../domain/resources/connect-webview.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'
import { listFilterParams, readListFilter } from '../list-filters.ts'
import { pageParams, pageRequest, paginationOf } from '../page-cursor.ts'

export default defineRoute({
  path: '/connect_webviews/list',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description: 'Lists Connect Webviews, newest first. A client session token sees only its session’s webviews.',
  params: z.object({
    user_identifier_key: listFilterParams.user_identifier_key,
    search: listFilterParams.search,
    customer_key: listFilterParams.customer_key,
    ...pageParams,
  }),
  unsupported: ['custom_metadata_has'],
  response: z.object({ connect_webviews: z.array(connectWebviewSchema), pagination: paginationSchema }),
  async handler({ params, auth, context, origin, nextPageUrl }) {
    const filter = await readListFilter(context, auth.workspaceId, params)
    const page = await context.store.listConnectWebviews(scopeOf(auth), filter, pageRequest(params))
    return {
      connect_webviews: page.items.map((w) => toConnectWebviewResource(w, origin())),
      pagination: paginationOf(page, (w) => ({ createdAt: w.createdAt, id: w.connectWebviewId }), nextPageUrl),
    }
  },
})
