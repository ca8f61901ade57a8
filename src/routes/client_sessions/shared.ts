import { z } from 'zod'

import { ApiError, notFound } from '../../contract/api-error.ts'
import { clientSessionSchema } from '../../contract/client-session.ts'
import { toClientSessionResource } from '../../domain/resources/client-session.ts'
import type { AppContext } from '../../domain/context.ts'
import { SerializedAnswer } from '../../http/route.ts'
import { type MaybePromise, andThen } from '../../maybe-promise.ts'
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

/** The per-record cache kept for this context's cipher (answers with the stored token depend on it). */
const forCipher = <T>(caches: WeakMap<object, WeakMap<ClientSessionRecord, T>>, context: AppContext): WeakMap<ClientSessionRecord, T> => {
  let byRecord = caches.get(context.tokenCipher)
  if (byRecord === undefined) caches.set(context.tokenCipher, (byRecord = new WeakMap()))
  return byRecord
}

/**
 * One session's resource as JSON, with the stored token, stringified once per stored version of
 * the session: a list answer is these strings joined, and a session's answer wraps one, so a
 * session read again while nothing changed is not stringified again.
 */
export const sessionResourceJson = (record: ClientSessionRecord, context: AppContext): string => {
  const byRecord = forCipher(resourceJsons, context)
  let json = byRecord.get(record)
  if (json === undefined) {
    json = JSON.stringify(toClientSessionResource(record, context.tokenCipher))
    byRecord.set(record, json)
  }
  return json
}

export const respondWithSession = (record: ClientSessionRecord, context: AppContext, verifiedToken?: string): SerializedAnswer => {
  const byRecord = verifiedToken === undefined ? forCipher(decryptedAnswers, context) : ownAnswers
  let answer = byRecord.get(record)
  if (answer === undefined) {
    const resource =
      verifiedToken === undefined
        ? sessionResourceJson(record, context)
        : JSON.stringify(toClientSessionResource(record, context.tokenCipher, verifiedToken))
    // What JSON.stringify({ client_session, ok: true }) gives.
    answer = new SerializedAnswer(`{"client_session":${resource},"ok":true}`)
    byRecord.set(record, answer)
  }
  return answer
}

/**
 * Finds a session by id, by user key, or by both (then both must match). A key finds the live
 * session, or else the newest revoked one. Synchronous when the store answers at once.
 */
export const findSession = (
  { store }: AppContext,
  workspaceId: string,
  by: { clientSessionId?: string | undefined; userIdentifierKey?: string | undefined },
): MaybePromise<ClientSessionRecord> => {
  if (by.clientSessionId === undefined && by.userIdentifierKey === undefined) {
    throw new ApiError(400, 'invalid_input', 'Either client_session_id or user_identifier_key is required.', {
      validation_errors: { _errors: ['Either client_session_id or user_identifier_key is required'] },
    })
  }
  const found =
    by.clientSessionId !== undefined
      ? store.getClientSession(workspaceId, by.clientSessionId)
      : store.getClientSessionByUserKey(workspaceId, by.userIdentifierKey as string)
  return andThen(found, (record) => {
    if (record === undefined) throw notFound('client_session')
    if (by.userIdentifierKey !== undefined && record.userIdentifierKey !== by.userIdentifierKey) throw notFound('client_session')
    return record
  })
}
