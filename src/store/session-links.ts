import { type Kysely, type Selectable, sql } from 'kysely'

import { type SessionLinks, toClientSessionRecord } from './mapping.ts'
import type { ClientSessionRecord } from './records.ts'
import { scopedAccountsBySession } from './scope.ts'
import { arg, preparedQuery } from './sql/prepared.ts'
import type { ClientSessionsTable, Database } from './tables.ts'

const countDevices = async (db: Kysely<Database>, workspaceId: string, sessionIds: string[]) => {
  const { rows } = await sql<{ client_session_id: string; device_count: number | string }>`
    SELECT scope.client_session_id, COUNT(d.device_id) AS device_count
      FROM (${scopedAccountsBySession(workspaceId, sessionIds)}) scope
      JOIN devices d ON d.connected_account_id = scope.connected_account_id AND d.workspace_id = ${workspaceId}
     GROUP BY scope.client_session_id`.execute(db)
  return new Map(rows.map((r) => [r.client_session_id, Number(r.device_count)]))
}

const groupIds = (rows: { client_session_id: string; id: string }[]) => {
  const grouped = new Map<string, string[]>()
  for (const { client_session_id, id } of rows) {
    const list = grouped.get(client_session_id)
    if (list === undefined) grouped.set(client_session_id, [id])
    else list.push(id)
  }
  return grouped
}

// Keeps each IN (...) list well under both databases' bound-parameter limits.
const CHUNK = 500

/** The one-session case (every client session token read), with compiled-once queries. */
const singleSessionQueries = (db: Kysely<Database>) => ({
  accounts: preparedQuery(db, (d) =>
    d
      .selectFrom('client_session_connected_accounts')
      .select('connected_account_id as id')
      .where('client_session_id', '=', arg(0))
      .orderBy('connected_account_id'),
  ),
  webviews: preparedQuery(db, (d) =>
    d
      .selectFrom('client_session_connect_webviews')
      .select('connect_webview_id as id')
      .where('client_session_id', '=', arg(0))
      .orderBy('connect_webview_id'),
  ),
  devices: preparedQuery(db, (d) => ({
    compile: () =>
      sql<{ device_count: number | string }>`
        SELECT COUNT(d.device_id) AS device_count
          FROM (${scopedAccountsBySession(arg(0), [arg(1)])}) scope
          JOIN devices d ON d.connected_account_id = scope.connected_account_id AND d.workspace_id = ${arg(0)}`.compile(d),
  })),
})
const SINGLE = new WeakMap<Kysely<Database>, ReturnType<typeof singleSessionQueries>>()

const hydrateOne = async (db: Kysely<Database>, workspaceId: string, row: Selectable<ClientSessionsTable>) => {
  let queries = SINGLE.get(db)
  if (queries === undefined) SINGLE.set(db, (queries = singleSessionQueries(db)))
  const id = row.client_session_id
  const [accounts, webviews, [count]] = await Promise.all([queries.accounts(id), queries.webviews(id), queries.devices(workspaceId, id)])
  return toClientSessionRecord(row, {
    connectedAccountIds: accounts.map((a) => a.id),
    connectWebviewIds: webviews.map((w) => w.id),
    deviceCount: Number(count?.device_count ?? 0),
  })
}

/** Turns session rows into records with their id lists and device counts, in batched queries. */
export const hydrateSessions = async (
  db: Kysely<Database>,
  workspaceId: string,
  rows: Selectable<ClientSessionsTable>[],
): Promise<ClientSessionRecord[]> => {
  const [only] = rows
  if (rows.length === 1 && only !== undefined) return [await hydrateOne(db, workspaceId, only)]
  const links = new Map<string, SessionLinks>()
  for (let start = 0; start < rows.length; start += CHUNK) {
    const ids = rows.slice(start, start + CHUNK).map((r) => r.client_session_id)
    const [accounts, webviews, counts] = await Promise.all([
      db
        .selectFrom('client_session_connected_accounts')
        .select(['client_session_id', 'connected_account_id as id'])
        .where('client_session_id', 'in', ids)
        .orderBy('connected_account_id')
        .execute(),
      db
        .selectFrom('client_session_connect_webviews')
        .select(['client_session_id', 'connect_webview_id as id'])
        .where('client_session_id', 'in', ids)
        .orderBy('connect_webview_id')
        .execute(),
      countDevices(db, workspaceId, ids),
    ])
    const accountIds = groupIds(accounts)
    const webviewIds = groupIds(webviews)
    for (const id of ids) {
      links.set(id, {
        connectedAccountIds: accountIds.get(id) ?? [],
        connectWebviewIds: webviewIds.get(id) ?? [],
        deviceCount: counts.get(id) ?? 0,
      })
    }
  }
  return rows.map((row) => toClientSessionRecord(row, links.get(row.client_session_id) as SessionLinks))
}
