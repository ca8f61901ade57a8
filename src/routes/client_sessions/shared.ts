import { z } from 'zod'

import { ApiError, notFound } from '../../contract/api-error.ts'
import { clientSessionSchema } from '../../contract/client-session.ts'
import { toClientSessionResource } from '../../domain/resources/client-session.ts'
import type { AppContext } from '../../domain/context.ts'
import { SerializedAnswer } from '../../http/route.ts'
import type { ClientSessionRecord } from '../../store/records.ts'

export const clientSessionResponse = z.object({ client_session: clientSessionSchema })
export const emptyResponse = z.object({})

/**
 * A session's answer, stringified once per stored version of the session: on SQLite the read
 * memo returns the same frozen record while nothing changed, so repeated reads reuse the string;
 * any write makes a new record and with it a new string. Answers with the stored token are kept
 * per cipher (it decrypts the token); answers to a session's own token carry that token, whose
 * hash just matched the record, so they need no decryption and are the same for every holder.
 */
const decryptedAnswers = new WeakMap<object, WeakMap<ClientSessionRecord, SerializedAnswer>>()
const ownAnswers = new WeakMap<ClientSessionRecord, SerializedAnswer>()
const resourceJsons = new WeakMap<object, WeakMap<ClientSessionRecord, string>>()

/**
 * One session's resource as JSON, with the stored token, stringified once per stored version of
 * the session (as answers are, above): a list answer is these strings joined, so a page repeated
 * while nothing changed is not stringified again, session by session.
 */
export const sessionResourceJson = (record: ClientSessionRecord, context: AppContext): string => {
  let byRecord = resourceJsons.get(context.tokenCipher)
  if (byRecord === undefined) resourceJsons.set(context.tokenCipher, (byRecord = new WeakMap()))
  let json = byRecord.get(record)
  if (json === undefined) {
    json = JSON.stringify(toClientSessionResource(record, context.tokenCipher))
    byRecord.set(record, json)
  }
  return json
}

export const respondWithSession = (record: ClientSessionRecord, context: AppContext, verifiedToken?: string): SerializedAnswer => {
  let byRecord = verifiedToken === undefined ? decryptedAnswers.get(context.tokenCipher) : ownAnswers
  if (byRecord === undefined) decryptedAnswers.set(context.tokenCipher, (byRecord = new WeakMap()))
  let answer = byRecord.get(record)
  if (answer === undefined) {
    answer = new SerializedAnswer(JSON.stringify({ client_session: toClientSessionResource(record, context.tokenCipher, verifiedToken), ok: true }))
    byRecord.set(record, answer)
  }
  return answer
}

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
