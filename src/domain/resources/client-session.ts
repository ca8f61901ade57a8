import type { TokenCipher } from '../../auth/token-cipher.ts'
import type { ClientSessionResource } from '../../contract/client-session.ts'
import type { ClientSessionRecord } from '../../store/records.ts'

/**
 * The stored token, or null when no configured key opens it (its key was dropped before a
 * rotation reached it). The session still works for whoever holds the token; one unreadable row
 * must not fail a whole answer.
 */
const readableToken = (record: ClientSessionRecord, cipher: TokenCipher): string | null => {
  try {
    return cipher.decrypt(record.tokenCiphertext, record.clientSessionId)
  } catch {
    return null
  }
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
