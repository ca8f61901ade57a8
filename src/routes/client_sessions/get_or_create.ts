import { getOrCreateClientSession } from '../../domain/client-sessions.ts'
import { readSessionInput, sessionInputParams } from '../../domain/session-input.ts'
import { defineRoute } from '../../http/route.ts'
import { clientSessionResponse } from './shared.ts'

export default defineRoute({
  path: '/client_sessions/get_or_create',
  methods: ['POST', 'PUT'],
  auth: ['publishable_key', 'api_key', 'personal_access_token'],
  description:
    'Returns the live client session for user_identifier_key, granting any given ids, setting expires_at when given and renewing an expired session; creates it when none exists.',
  params: sessionInputParams,
  response: clientSessionResponse,
  async handler({ params, auth, context }) {
    const input = await readSessionInput(params, auth, context)
    const { record, mintedToken } = await getOrCreateClientSession(context, auth.workspaceId, input)
    return context.caches.clientSessionJson.answer(record, mintedToken)
  },
})
