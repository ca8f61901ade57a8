import { z } from 'zod'

import { ApiError } from '../../contract/api-error.ts'
import { id, userIdentifierKey } from '../../contract/fields.ts'
import { type HandlerInput, defineRoute } from '../../http/route.ts'
import { clientSessionResponse, findSession } from './shared.ts'

const getParams = z.object({
  client_session_id: id().optional(),
  user_identifier_key: userIdentifierKey().optional(),
})

/** A client session token always reads the caller's own session, read with the token itself. */
const ownSession = ({ params, auth, context }: HandlerInput<z.output<typeof getParams>, 'client_session_token'>): string => {
  if (params.client_session_id !== undefined && params.user_identifier_key !== undefined) {
    throw new ApiError(400, 'invalid_options', 'Cannot send both client_session_id and user_identifier_key with a client session token.')
  }
  // The session was read with the token that authenticated this request: its JSON needs no stored token opened.
  return context.caches.clientSessionJson.answer(auth.session, auth.token)
}

export default defineRoute({
  path: '/client_sessions/get',
  methods: ['GET', 'POST'],
  auth: ['client_session_token', 'api_key', 'personal_access_token'],
  description:
    'Returns a client session by client_session_id or user_identifier_key. With a client session token it always returns the caller’s own session.',
  params: getParams,
  response: clientSessionResponse,
  async handler(input) {
    const { params, auth, context } = input
    if (auth.kind === 'client_session_token') return ownSession({ ...input, auth })
    const found = await findSession(context, auth.workspaceId, {
      clientSessionId: params.client_session_id,
      userIdentifierKey: params.user_identifier_key,
    })
    return context.caches.clientSessionJson.answer(found)
  },
  answerNow: ownSession,
})
