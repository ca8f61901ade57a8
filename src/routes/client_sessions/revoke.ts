import { z } from 'zod'

import { notFound } from '../../contract/api-error.ts'
import { id } from '../../contract/fields.ts'
import { defineRoute } from '../../http/route.ts'
import { emptyResponse } from './shared.ts'

export default defineRoute({
  path: '/client_sessions/revoke',
  methods: ['POST'],
  auth: ['api_key', 'personal_access_token'],
  description:
    'Revokes a client session: its token stops working on the next request on every server, the record stays readable with expires_at set to the revocation time, and its user_identifier_key is free again. Idempotent.',
  params: z.object({ client_session_id: id() }),
  response: emptyResponse,
  async handler({ params, auth, context }) {
    const found = await context.store.revokeClientSession(auth.workspaceId, params.client_session_id, context.clock.now().toISOString())
    if (!found) throw notFound('client_session', params.client_session_id)
    return {}
  },
})
