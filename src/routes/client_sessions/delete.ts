import { z } from 'zod'

import { notFound } from '../../contract/api-error.ts'
import { id } from '../../contract/fields.ts'
import { defineRoute } from '../../http/route.ts'
import { emptyResponse } from './shared.ts'

export default defineRoute({
  path: '/client_sessions/delete',
  methods: ['DELETE', 'POST'],
  auth: ['api_key', 'personal_access_token'],
  description: 'Deletes a client session; its token then fails with client_session_not_found. Records client_session.deleted.',
  params: z.object({ client_session_id: id() }),
  response: emptyResponse,
  async handler({ params, auth, context }) {
    const found = await context.store.deleteClientSession(auth.workspaceId, params.client_session_id, context.clock.now().toISOString())
    if (!found) throw notFound('client_session', params.client_session_id)
    return {}
  },
})
