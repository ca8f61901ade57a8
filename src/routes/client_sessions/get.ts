import { z } from 'zod'

import { ApiError } from '../../contract/api-error.ts'
import { id, userIdentifierKey } from '../../contract/fields.ts'
import { defineRoute } from '../../http/route.ts'
import { clientSessionResponse, findSession, respondWithSession } from './shared.ts'

export default defineRoute({
  path: '/client_sessions/get',
  methods: ['GET', 'POST'],
  auth: ['client_session_token', 'api_key', 'personal_access_token'],
  description:
    'Returns a client session by client_session_id or user_identifier_key. With a client session token it always returns the caller’s own session.',
  params: z.object({
    client_session_id: id().optional(),
    user_identifier_key: userIdentifierKey().optional(),
  }),
  response: clientSessionResponse,
  handler({ params, auth, context }) {
    if (auth.kind === 'client_session_token') {
      if (params.client_session_id !== undefined && params.user_identifier_key !== undefined) {
        throw new ApiError(
          400,
          'invalid_options',
          'Cannot send both client_session_id and user_identifier_key with a client session token.',
        )
      }
      // The session was read with the token that authenticated this request.
      return respondWithSession(auth.session, context, auth.token)
    }
    const found = findSession(context, auth.workspaceId, {
      clientSessionId: params.client_session_id,
      userIdentifierKey: params.user_identifier_key,
    })
    return found.then((record) => respondWithSession(record, context))
  },
})
