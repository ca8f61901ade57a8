import { z } from 'zod'

import { notFound } from '../../contract/api-error.ts'
import { id, idList, userIdentifierKey } from '../../contract/fields.ts'
import { assertReferencesExist, singleUserIdentity } from '../../domain/session-input.ts'
import { defineRoute } from '../../http/route.ts'
import { clientSessionResponse, findSession } from './shared.ts'

export default defineRoute({
  path: '/client_sessions/grant_access',
  methods: ['PATCH', 'POST'],
  auth: ['api_key', 'personal_access_token'],
  description:
    'Adds connected accounts, Connect Webviews and a user identity to a client session (set union; ids already granted are kept).',
  params: z.object({
    client_session_id: id().optional(),
    user_identifier_key: userIdentifierKey().optional(),
    connected_account_ids: idList().optional(),
    connect_webview_ids: idList().optional(),
    user_identity_id: id().optional(),
    user_identity_ids: z.array(id()).length(1).optional().describe('Deprecated: use user_identity_id.'),
  }),
  responseKey: null,
  response: clientSessionResponse,
  async handler({ params, auth, context }) {
    const session = await findSession(context, auth.workspaceId, {
      clientSessionId: params.client_session_id,
      userIdentifierKey: params.user_identifier_key,
    })
    const refs = {
      connectedAccountIds: [...new Set(params.connected_account_ids ?? [])],
      connectWebviewIds: [...new Set(params.connect_webview_ids ?? [])],
      userIdentityId: singleUserIdentity(params),
    }
    await assertReferencesExist(context, auth.workspaceId, refs)
    const granted = await context.store.grantClientSessionAccess(auth.workspaceId, session.clientSessionId, {
      connectedAccountIds: refs.connectedAccountIds,
      connectWebviewIds: refs.connectWebviewIds,
      ...(refs.userIdentityId === null ? {} : { userIdentityId: refs.userIdentityId }),
    })
    // Deleted between the read above and the grant.
    if (!granted) throw notFound('client_session')
    const updated = await findSession(context, auth.workspaceId, { clientSessionId: session.clientSessionId })
    return context.caches.clientSessionJson.answer(updated)
  },
})
