import type { TokenCipher } from '../../auth/token-cipher.ts'
import type { ClientSessionResource } from '../../contract/client-session.ts'
import type { ClientSessionRecord } from '../../store/records.ts'

/**
 * The stored token, or null when no configured key opens it (its key was dropped before a
 * rotation reached it). The session still works for whoever holds the token; one unreadable row
 * must not fail a whole answer.
 */
const readableToken = (record: ClientSessionRecord, cipher: TokenCipher): string | null => {
  const known = decrypted.get(cipher)?.get(record)
  if (known !== undefined) return known
  const token = openedTokens(cipher).open(record.tokenCiphertext, record.clientSessionId)
  rememberToken(record, cipher, token)
  return token
}

/**
 * Tokens opened, by ciphertext and the session id it is bound to, per cipher: a row read afresh
 * (every read on PostgreSQL; on SQLite after any write) carries the same ciphertext, which opens
 * to the same token under the same key ring, so a list of 100 sessions does not run 100
 * AES-GCM decryptions on every call (about 12 µs each in the profile). Bounded, oldest out first;
 * it holds no more than the answers that carry these tokens already do.
 */
const MAX_OPENED = 10_000
const opened = new WeakMap<TokenCipher, { open(ciphertext: string, boundTo: string): string | null }>()

const openedTokens = (cipher: TokenCipher) => {
  let known = opened.get(cipher)
  if (known !== undefined) return known
  const tokens = new Map<string, string | null>()
  known = {
    open(ciphertext, boundTo) {
      const key = `${boundTo} ${ciphertext}`
      const seen = tokens.get(key)
      if (seen !== undefined) return seen
      let token: string | null
      try {
        token = cipher.decrypt(ciphertext, boundTo)
      } catch {
        token = null
      }
      tokens.set(key, token)
      if (tokens.size > MAX_OPENED) tokens.delete(tokens.keys().next().value as string)
      return token
    },
  }
  opened.set(cipher, known)
  return known
}

/**
 * Decrypted tokens by stored record: on SQLite the read memo hands back the same frozen record
 * while the database is unchanged, so a session read again is not decrypted again. Records are
 * per store and per row version, so a rotated or changed row is decrypted afresh.
 */
const decrypted = new WeakMap<TokenCipher, WeakMap<ClientSessionRecord, string | null>>()

/** Remembers a session's token, decrypted or just minted (a new session's answer then decrypts nothing). */
export const rememberToken = (record: ClientSessionRecord, cipher: TokenCipher, token: string | null): void => {
  let byRecord = decrypted.get(cipher)
  if (byRecord === undefined) decrypted.set(cipher, (byRecord = new WeakMap()))
  byRecord.set(record, token)
}

/**
 * The one mapping from a stored session to the wire resource (contract §3). `verifiedToken` is the
 * caller's own token once its hash has matched this session's: it is the stored token, so the
 * hot path skips the decryption.
 */
export const toClientSessionResource = (
  record: ClientSessionRecord,
  cipher: TokenCipher,
  verifiedToken?: string,
): ClientSessionResource => ({
  client_session_id: record.clientSessionId,
  workspace_id: record.workspaceId,
  token: verifiedToken ?? readableToken(record, cipher),
  user_identifier_key: record.userIdentifierKey,
  created_at: record.createdAt,
  expires_at: record.expiresAt,
  device_count: record.deviceCount,
  connected_account_ids: record.connectedAccountIds,
  connect_webview_ids: record.connectWebviewIds,
  ...(record.userIdentityId === null ? {} : { user_identity_id: record.userIdentityId }),
  user_identity_ids: record.userIdentityId === null ? [] : [record.userIdentityId],
  ...(record.customerId === null ? {} : { customer_id: record.customerId }),
  ...(record.customerKey === null ? {} : { customer_key: record.customerKey }),
})
