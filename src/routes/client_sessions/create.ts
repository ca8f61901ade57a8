import { createClientSession } from '../../domain/client-sessions.ts'
import { readSessionInput, sessionInputParams } from '../../domain/session-input.ts'
import { defineRoute } from '../../http/route.ts'
import { clientSessionResponse } from './shared.ts'

export default defineRoute({
  path: '/client_sessions/create',
  methods: ['POST', 'PUT'],
  auth: ['api_key', 'personal_access_token', 'publishable_key'],
  description:
    'Creates a client session. For a user_identifier_key that a live session already holds, PUT returns that session unchanged (idempotent) and POST answers client_session_token_already_exists.',
  params: sessionInputParams,
  response: clientSessionResponse,
  async handler({ params, auth, method, context }) {
    const input = await readSessionInput(params, auth, context)
    const { record, mintedToken } = await createClientSession(context, auth.workspaceId, input, method === 'PUT' ? 'return' : 'reject')
    return context.caches.clientSessionJson.answer(record, mintedToken)
  },
})
