import type { Selectable } from 'kysely'

import type { ClientSessionRecord, SessionLinks, Workspace } from '../records.ts'
import type { ClientSessionsTable, WorkspacesTable } from '../tables.ts'

/** `toISOString()`'s form, the one Latchkey writes: 2026-12-01T14:43:03.123Z. */
const CANONICAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/**
 * One output form for timestamps. SQLite hands back the ISO text Latchkey wrote and PostgreSQL
 * the same form (postgres/timestamps.ts), both kept as they are; anything else (a Date, another
 * ISO form) is normalised.
 */
export const toIso = (value: Date | string): string =>
  typeof value === 'string' && CANONICAL_ISO.test(value) ? value : (value instanceof Date ? value : new Date(value)).toISOString()
export const toIsoOrNull = (value: Date | string | null): string | null => (value === null ? null : toIso(value))

export const toWorkspace = (row: Selectable<WorkspacesTable>): Workspace => ({
  workspaceId: row.workspace_id,
  name: row.name,
  isSandbox: row.is_sandbox === 1,
  createdAt: toIso(row.created_at),
})

export const toClientSessionRecord = (row: Selectable<ClientSessionsTable>, links: SessionLinks): ClientSessionRecord => ({
  clientSessionId: row.client_session_id,
  workspaceId: row.workspace_id,
  tokenCiphertext: row.token_ciphertext,
  userIdentifierKey: row.user_identifier_key,
  userIdentityId: row.user_identity_id,
  customerId: row.customer_id,
  customerKey: row.customer_key,
  createdAt: toIso(row.created_at),
  expiresAt: toIso(row.expires_at),
  revokedAt: toIsoOrNull(row.revoked_at),
  ...links,
})
