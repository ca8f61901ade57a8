import { z } from 'zod'

import { clientSessionSchema, paginationSchema } from '../../contract/client-session.ts'
import { id, userIdentifierKey } from '../../contract/fields.ts'
import { defineRoute } from '../../http/route.ts'
import { pageParams, pageRequest, paginationOf } from '../page-cursor.ts'
import { optional } from '../../store/optional.ts'

export default defineRoute({
  path: '/client_sessions/list',
  methods: ['GET', 'POST'],
  auth: ['api_key', 'personal_access_token'],
  description: 'Lists the workspace’s client sessions, newest first, including revoked and expired ones. Filters are AND-ed.',
  params: z.object({
    client_session_id: id().optional(),
    user_identifier_key: userIdentifierKey().optional(),
    connect_webview_id: id().optional(),
    user_identity_id: id().optional(),
    without_user_identifier_key: z.boolean().optional(),
    ...pageParams,
  }),
  response: z.object({ client_sessions: z.array(clientSessionSchema), pagination: paginationSchema }),
  async handler({ params, auth, context, nextPageUrl }) {
    const { limit, after } = pageRequest(params)
    const page = await context.store.listClientSessions(
      auth.workspaceId,
      {
        ...optional({
          clientSessionId: params.client_session_id,
          userIdentifierKey: params.user_identifier_key,
          connectWebviewId: params.connect_webview_id,
          userIdentityId: params.user_identity_id,
          withoutUserIdentifierKey: params.without_user_identifier_key,
        }),
      },
      limit,
      after,
    )
    // The body JSON.stringify would give for { client_sessions, pagination, ok }, from each
    // session's JSON as stringified once per stored version (domain/resources/client-session-json.ts).
    const sessions = page.items.map((record) => context.caches.clientSessionJson.resource(record)).join(',')
    const pagination = JSON.stringify(paginationOf(page, (r) => ({ createdAt: r.createdAt, id: r.clientSessionId }), nextPageUrl))
    return `{"client_sessions":[${sessions}],"pagination":${pagination},"ok":true}`
  },
})
