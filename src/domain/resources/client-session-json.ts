import type { TokenCipher } from '../../auth/token-cipher.ts'
import type { ClientSessionRecord } from '../../store/records.ts'
import { toClientSessionResource } from './client-session.ts'

/**
 * A client session's resource and answer as JSON, cached per stored version of the session.
 * Created once per app by the composition root (app.ts) with the app's cipher, and reached
 * through `AppContext.caches`; nothing here is module-level.
 *
 * - **Answer and resource JSON**, keyed by the record object. On SQLite the read memo hands out
 *   the same frozen record while nothing changed, so repeated reads reuse one string; any write
 *   makes a new record and with it a new string, which is the whole invalidation rule. Bounded by
 *   the records still referenced (weak keys): a record the memo dropped takes its strings along.
 * - **Opened tokens**, keyed by session id and ciphertext: a row read afresh (every read on
 *   PostgreSQL) carries the same ciphertext, which opens to the same token under the same key
 *   ring, so a list of 100 sessions does not run 100 AES-GCM decryptions per call (~12 µs each).
 *   The session id is part of the key, so a ciphertext copied onto another row is opened (and
 *   refused) for that row. Bounded to `maxOpenedTokens`, oldest out first. It holds the tokens
 *   that the answers it caches carry anyway; tokens are handed back to their holders by design
 *   (a CST is returned by `get`), unlike API keys and PATs, which are never kept.
 *
 * An answer to a session's own token carries that token, whose hash just matched the record, so
 * it needs no decryption and is the same for every holder.
 */
export interface ClientSessionJson {
  /** The resource with its stored token: what a list joins and an answer wraps. */
  resource(record: ClientSessionRecord): string
  /** `{"client_session":…,"ok":true}`; with `verifiedToken`, the caller's own, matched token. */
  answer(record: ClientSessionRecord, verifiedToken?: string): string
  /** A token just minted: the new session's answer then decrypts nothing. */
  rememberToken(record: ClientSessionRecord, token: string): void
}

export const createClientSessionJson = (cipher: TokenCipher, maxOpenedTokens = 10_000): ClientSessionJson => {
  const opened = new Map<string, string | null>()
  const resources = new WeakMap<ClientSessionRecord, string>()
  const answers = new WeakMap<ClientSessionRecord, string>()
  const ownAnswers = new WeakMap<ClientSessionRecord, string>()

  const keyOf = (record: ClientSessionRecord): string => `${record.clientSessionId} ${record.tokenCiphertext}`
  const remember = (key: string, token: string | null): void => {
    opened.set(key, token)
    if (opened.size > maxOpenedTokens) opened.delete(opened.keys().next().value as string)
  }

  /**
   * The stored token, or null when no configured key opens it (its key was dropped before a
   * rotation reached it). The session still works for whoever holds the token; one unreadable
   * row must not fail a whole answer.
   */
  const readableToken = (record: ClientSessionRecord): string | null => {
    const key = keyOf(record)
    const seen = opened.get(key)
    if (seen !== undefined) return seen
    let token: string | null
    try {
      token = cipher.decrypt(record.tokenCiphertext, record.clientSessionId)
    } catch {
      token = null
    }
    remember(key, token)
    return token
  }

  const resource = (record: ClientSessionRecord): string => {
    let json = resources.get(record)
    if (json === undefined) {
      json = JSON.stringify(toClientSessionResource(record, readableToken(record)))
      resources.set(record, json)
    }
    return json
  }

  return {
    resource,
    answer(record, verifiedToken) {
      const cache = verifiedToken === undefined ? answers : ownAnswers
      let json = cache.get(record)
      if (json === undefined) {
        const inner = verifiedToken === undefined ? resource(record) : JSON.stringify(toClientSessionResource(record, verifiedToken))
        // What JSON.stringify({ client_session, ok: true }) gives.
        json = `{"client_session":${inner},"ok":true}`
        cache.set(record, json)
      }
      return json
    },
    rememberToken: (record, token) => remember(keyOf(record), token),
  }
}
