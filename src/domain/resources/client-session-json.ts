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
 *   ring, so a list of 100 sessions does not run 100 AES-GCM decryptions per call (~5 µs each).
 *   The session id is part of the key, so a ciphertext copied onto another row is opened (and
 *   refused) for that row. Bounded to `maxOpenedTokens`, oldest out first. It holds the tokens
 *   that the answers it caches carry anyway; tokens are handed back to their holders by design
 *   (a CST is returned by `get`), unlike API keys and PATs, which are never kept.
 *
 * An answer to a session's own token (the CST hot path) carries that token, whose hash just
 * matched the record, so it needs no decryption; what is cached for it is the answer without its
 * token, and the presented token is spliced in per request, so a token holder's reads keep no
 * plaintext token past their request. Tokens are kept (in the opened-token map and the answers
 * that carry them) only once an API key or personal access token has read the session: those
 * callers are handed every session's token on every read, and decrypting each one each time
 * would cost ~5 µs a session (500 µs for a 100-session list).
 */
export interface ClientSessionJson {
  /** The resource with its stored token: what a list joins and an answer wraps. */
  resource(record: ClientSessionRecord): string
  /** `{"client_session":…,"ok":true}`; with `verifiedToken`, the caller's own, matched token. */
  answer(record: ClientSessionRecord, verifiedToken?: string): string
  /** A token just minted: the new session's answer then decrypts nothing. */
  rememberToken(record: ClientSessionRecord, token: string): void
}

/** Where the token goes in a resource stringified with a null token. */
const TOKEN_KEY = '"token":'

export const createClientSessionJson = (cipher: TokenCipher, maxOpenedTokens = 10_000): ClientSessionJson => {
  const opened = new Map<string, string | null>()
  const resources = new WeakMap<ClientSessionRecord, string>()
  const answers = new WeakMap<ClientSessionRecord, string>()
  /** The own-token answer around its token: what comes before the token's JSON, and after. */
  const ownAnswerParts = new WeakMap<ClientSessionRecord, readonly [string, string]>()

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
      if (verifiedToken !== undefined) {
        let parts = ownAnswerParts.get(record)
        if (parts === undefined) {
          // The token is the resource's only field named "token", and a quote inside any string
          // value is escaped, so the first `"token":null` is the token's place.
          const withoutToken = `{"client_session":${JSON.stringify(toClientSessionResource(record, null))},"ok":true}`
          const at = withoutToken.indexOf(`${TOKEN_KEY}null`) + TOKEN_KEY.length
          parts = [withoutToken.slice(0, at), withoutToken.slice(at + 'null'.length)]
          ownAnswerParts.set(record, parts)
        }
        return parts[0] + JSON.stringify(verifiedToken) + parts[1]
      }
      let json = answers.get(record)
      if (json === undefined) {
        // What JSON.stringify({ client_session, ok: true }) gives.
        json = `{"client_session":${resource(record)},"ok":true}`
        answers.set(record, json)
      }
      return json
    },
    rememberToken: (record, token) => remember(keyOf(record), token),
  }
}
