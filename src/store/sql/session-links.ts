import { type RawBuilder, type Selectable, sql } from 'kysely'

import type { SqlFlavor } from './flavor.ts'
import { toClientSessionRecord } from './session-and-workspace-rows.ts'
import type { ClientSessionRecord } from '../records.ts'
import { deviceCountOfSessionRow } from './scope.ts'
import type { ClientSessionsTable } from '../tables.ts'

/** A session row with its links, as read in the same statement (see `sessionLinkColumns`). */
export type SessionRowWithLinks = Selectable<ClientSessionsTable> & {
  /** SQLite: a JSON array in text; PostgreSQL: a text[] that node-postgres already parsed. */
  connected_account_ids: string | string[]
  connect_webview_ids: string | string[]
  device_count: number | string
}

/** One session's link ids, sorted, as one value (the flavor's `sortedList`). */
const idsOf = (flavor: SqlFlavor, table: string, column: string): RawBuilder<string | string[]> =>
  flavor.sortedList(column, sql`FROM ${sql.table(table)} WHERE client_session_id = client_sessions.client_session_id`)

/**
 * The columns that turn a `client_sessions` row into a whole session: its account ids, webview
 * ids and scoped device count, as correlated subqueries. Reading them in the same statement as
 * the row makes a session read one statement (one round trip on PostgreSQL) instead of four, and
 * pages of any size cost no extra statements.
 */
export const sessionLinkColumns = (flavor: SqlFlavor) => [
  idsOf(flavor, 'client_session_connected_accounts', 'connected_account_id').as('connected_account_ids'),
  idsOf(flavor, 'client_session_connect_webviews', 'connect_webview_id').as('connect_webview_ids'),
  deviceCountOfSessionRow().as('device_count'),
]

const idList = (value: string | string[]): string[] => (typeof value === 'string' ? (JSON.parse(value) as string[]) : value)

export const toSessionWithLinks = (row: SessionRowWithLinks): ClientSessionRecord =>
  toClientSessionRecord(row, {
    connectedAccountIds: idList(row.connected_account_ids),
    connectWebviewIds: idList(row.connect_webview_ids),
    deviceCount: Number(row.device_count),
  })
