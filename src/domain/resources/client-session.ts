import type { TokenCipher } from '../../auth/token-cipher.ts'
import type { ClientSessionResource } from '../../contract/client-session.ts'
import type { ClientSessionRecord } from '../../store/records.ts'

/**
 * Tokens opened, per cipher, by the session id and the ciphertext bound to it: a row read afresh
 * (every read on PostgreSQL; on SQLite after any write) carries the same ciphertext, which opens
 * to the same token under the same key ring, so a list of 100 sessions does not run 100 AES-GCM
 * decryptions on every call (about 12 µs each in the profile). The session id is part of the key:
 * a ciphertext copied onto another row is opened (and refused) for that row. Bounded, oldest out
 * first; it holds no more than the answers that carry these tokens already do.
 */
const MAX_OPENED = 10_000
const openedByCipher = new WeakMap<TokenCipher, Map<string, string | null>>()

const openedOf = (cipher: TokenCipher): Map<string, string | null> => {
  let tokens = openedByCipher.get(cipher)
  if (tokens === undefined) openedByCipher.set(cipher, (tokens = new Map<string, string | null>()))
  return tokens
}

const keyOf = (record: ClientSessionRecord): string => `${record.clientSessionId} ${record.tokenCiphertext}`

const remember = (tokens: Map<string, string | null>, key: string, token: string | null): void => {
  tokens.set(key, token)
  if (tokens.size > MAX_OPENED) tokens.delete(tokens.keys().next().value as string)
}

/**
 * The stored token, or null when no configured key opens it (its key was dropped before a
 * rotation reached it). The session still works for whoever holds the token; one unreadable row
 * must not fail a whole answer.
 */
const readableToken = (record: ClientSessionRecord, cipher: TokenCipher): string | null => {
  const tokens = openedOf(cipher)
  const key = keyOf(record)
  const seen = tokens.get(key)
  if (seen !== undefined) return seen
  let token: string | null
  try {
    token = cipher.decrypt(record.tokenCiphertext, record.clientSessionId)
  } catch {
    token = null
  }
  remember(tokens, key, token)
  return token
}

/** Remembers a session's token, decrypted or just minted (a new session's answer then decrypts nothing). */
export const rememberToken = (record: ClientSessionRecord, cipher: TokenCipher, token: string | null): void =>
  remember(openedOf(cipher), keyOf(record), token)

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
