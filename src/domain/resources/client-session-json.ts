import type { TokenCipher } from '../../auth/token-cipher.ts'
import type { ClientSessionResource } from '../../contract/client-session.ts'
import type { ClientSessionRecord } from '../../store/records.ts'

/**
 * The one mapping from a stored session to the wire resource. `token` is the session's token in
 * plaintext (decrypted, or the caller's own once its hash matched), or null when no configured
 * key opens the stored one (`createClientSessionJson` decides which). Absent identity and
 * customer fields are left out (undefined, which JSON omits), not sent as null.
 */
export const toClientSessionResource = (record: ClientSessionRecord, token: string | null): ClientSessionResource => ({
  client_session_id: record.clientSessionId,
  workspace_id: record.workspaceId,
  token,
  user_identifier_key: record.userIdentifierKey,
  created_at: record.createdAt,
  expires_at: record.expiresAt,
  device_count: record.deviceCount,
  connected_account_ids: record.connectedAccountIds,
  connect_webview_ids: record.connectWebviewIds,
  // undefined: JSON leaves the field out.
  user_identity_id: record.userIdentityId ?? undefined,
  user_identity_ids: record.userIdentityId === null ? [] : [record.userIdentityId],
  customer_id: record.customerId ?? undefined,
  customer_key: record.customerKey ?? undefined,
})

/** A client session's resource and its answer, as JSON text (made by `createClientSessionJson`). */
export interface ClientSessionJson {
  /** The resource with its token: what a list joins and an answer wraps. */
  resource(record: ClientSessionRecord, knownToken?: string): string
  /** `{"client_session":…,"ok":true}`; `knownToken` saves opening the stored one. */
  answer(record: ClientSessionRecord, knownToken?: string): string
}

/** Where the token goes in a resource stringified with a null token. */
const TOKEN_KEY = '"token":'

/**
 * A client session's resource and answer as JSON. Created once per app by the composition root
 * (http/instrument.ts) with the app's cipher, and reached through `AppContext.caches`; nothing here
 * is module-level.
 *
 * What is cached holds no token: per record object, the resource's JSON around its token (what
 * comes before the token's JSON, and after). On SQLite the read memo hands out the same frozen
 * record while nothing changed, so repeated reads reuse one pair of strings; any write makes a new
 * record and with it new strings, which is the whole invalidation rule. Bounded by the records
 * still referenced (weak keys): a record the memo dropped takes its strings along.
 *
 * The token goes in per call: the one the caller already holds (its own, just matched against the
 * record's hash, or one just minted), or else the stored ciphertext opened for this answer only
 * (the cost per session is in docs/performance.md). No plaintext token outlives the request that
 * carries it.
 */
export const createClientSessionJson = (cipher: TokenCipher): ClientSessionJson => {
  const aroundToken = new WeakMap<ClientSessionRecord, readonly [string, string]>()

  const partsOf = (record: ClientSessionRecord): readonly [string, string] => {
    let parts = aroundToken.get(record)
    if (parts === undefined) {
      // The token is the resource's only field named "token", and a quote inside any string value
      // is escaped, so the first `"token":null` is the token's place.
      const withoutToken = JSON.stringify(toClientSessionResource(record, null))
      const at = withoutToken.indexOf(`${TOKEN_KEY}null`) + TOKEN_KEY.length
      parts = [withoutToken.slice(0, at), withoutToken.slice(at + 'null'.length)]
      aroundToken.set(record, parts)
    }
    return parts
  }

  /**
   * The stored token, or null when no configured key opens it (its key was dropped before a
   * rotation reached it, or the ciphertext belongs to another row). The session still works for
   * whoever holds the token; one unreadable row must not fail a whole answer.
   */
  const storedToken = (record: ClientSessionRecord): string | null => {
    try {
      return cipher.decrypt(record.tokenCiphertext, record.clientSessionId)
    } catch {
      return null
    }
  }

  const resource = (record: ClientSessionRecord, knownToken?: string): string => {
    const [before, after] = partsOf(record)
    return before + JSON.stringify(knownToken ?? storedToken(record)) + after
  }

  return {
    resource,
    // What JSON.stringify({ client_session, ok: true }) gives.
    answer: (record, knownToken) => `{"client_session":${resource(record, knownToken)},"ok":true}`,
  }
}
