import { z } from 'zod'

import { ApiError, notFound } from '../../contract/api-error.ts'
import { clientSessionSchema } from '../../contract/client-session.ts'
import type { AppContext } from '../../domain/context.ts'
import type { ClientSessionRecord } from '../../store/records.ts'

export const clientSessionResponse = z.object({ client_session: clientSessionSchema })
export const emptyResponse = z.object({})

/**
 * Finds a session by id, by user key, or by both (then both must match). A key finds the live
 * session, or else the newest revoked one.
 */
export const findSession = async (
  { store }: AppContext,
  workspaceId: string,
  by: { clientSessionId?: string | undefined; userIdentifierKey?: string | undefined },
): Promise<ClientSessionRecord> => {
  if (by.clientSessionId === undefined && by.userIdentifierKey === undefined) {
    throw new ApiError(400, 'invalid_input', 'Either client_session_id or user_identifier_key is required.', {
      validation_errors: { _errors: ['Either client_session_id or user_identifier_key is required'] },
    })
  }
  const record =
    by.clientSessionId !== undefined
      ? await store.getClientSession(workspaceId, by.clientSessionId)
      : await store.getClientSessionByUserKey(workspaceId, by.userIdentifierKey as string)
  if (record === undefined) throw notFound('client_session')
  if (by.userIdentifierKey !== undefined && record.userIdentifierKey !== by.userIdentifierKey) throw notFound('client_session')
  return record
}
