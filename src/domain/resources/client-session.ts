import type { ClientSessionResource } from '../../contract/client-session.ts'
import type { ClientSessionRecord } from '../../store/records.ts'
import { optional } from '../../store/optional.ts'

/**
 * The one mapping from a stored session to the wire resource. `token` is the session's token in
 * plaintext (decrypted, or the caller's own once its hash matched), or null when no configured
 * key opens the stored one (client-session-json.ts decides which).
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
  ...optional({ user_identity_id: record.userIdentityId ?? undefined }),
  user_identity_ids: record.userIdentityId === null ? [] : [record.userIdentityId],
  ...optional({ customer_id: record.customerId ?? undefined, customer_key: record.customerKey ?? undefined }),
})
