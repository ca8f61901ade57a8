import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely'

import type { Scope } from '../records.ts'
import { entrancesReachedBy } from './acs-reach.ts'

/**
 * The scope rule of contract §5, in SQL, in one place: a session reaches its own connected accounts
 * plus the connected account of each of its webviews once that webview is authorized. Accounts
 * must still exist (a deleted account leaves every scope). UNION counts an account reached both
 * ways once. `sessionId` and `workspaceId` are values (bound parameters) or column references
 * (for a correlated subquery over session rows).
 *
 * CROSS JOIN fixes the join order on SQLite (PostgreSQL plans it freely): every step is then a
 * lookup by key starting from the session's link rows. Left to itself, SQLite's planner started
 * from the workspace index and scanned every webview of the workspace on every request.
 */
const scopedAccountIds = (sessionId: unknown, workspaceId: unknown): RawBuilder<unknown> => sql`
  SELECT l.connected_account_id
    FROM client_session_connected_accounts l
   CROSS JOIN connected_accounts a
   WHERE l.client_session_id = ${sessionId}
     AND a.connected_account_id = l.connected_account_id AND a.workspace_id = ${workspaceId}
  UNION
  SELECT w.connected_account_id
    FROM client_session_connect_webviews l
   CROSS JOIN connect_webviews w
   CROSS JOIN connected_accounts a
   WHERE l.client_session_id = ${sessionId}
     AND w.connect_webview_id = l.connect_webview_id AND w.workspace_id = ${workspaceId} AND w.status = 'authorized'
     AND a.connected_account_id = w.connected_account_id AND a.workspace_id = ${workspaceId}`

/**
 * `device_count` of the `client_sessions` row in the enclosing query, as a correlated subquery: the
 * managed devices it reaches, what `devices/list` answers it (an unmanaged device is not listed).
 */
export const deviceCountOfSessionRow = (): RawBuilder<number | string> => {
  const workspaceId = sql.ref('client_sessions.workspace_id')
  const sessionId = sql.ref('client_sessions.client_session_id')
  const accounts = scopedAccountIds(sessionId, workspaceId)
  // A session without links reaches nothing: two probes of the link tables' keys answer 0 before
  // the count's joins run (most sessions of a list have no links; a page of 100 paid the joins
  // 100 times).
  return sql<number | string>`(CASE WHEN EXISTS (SELECT 1 FROM client_session_connected_accounts WHERE client_session_id = ${sessionId})
      OR EXISTS (SELECT 1 FROM client_session_connect_webviews WHERE client_session_id = ${sessionId})
    THEN (SELECT COUNT(*) FROM devices d
      WHERE d.connected_account_id IN (${accounts}) AND d.workspace_id = ${workspaceId} AND d.is_managed = 1)
    ELSE 0 END)`
}

const accountsOf = (workspaceId: string, sessionId: string) => scopedAccountIds(sessionId, workspaceId)

const webviewsOf = (sessionId: string) =>
  sql`SELECT connect_webview_id FROM client_session_connect_webviews WHERE client_session_id = ${sessionId}`

/** Devices of the scope's accounts; access codes and action attempts are reached through their device. */
const devicesOf = (workspaceId: string, sessionId: string) =>
  sql`SELECT d.device_id FROM devices d WHERE d.connected_account_id IN (${accountsOf(workspaceId, sessionId)}) AND d.workspace_id = ${workspaceId}`

export type ScopedResource =
  | 'connected_account'
  | 'device'
  | 'connect_webview'
  | 'user_identity'
  | 'event'
  | 'access_code'
  | 'action_attempt'
  // Access control (SPEC §11): a session reaches what its user identity's acs users reach.
  | 'acs_user'
  | 'acs_system'
  | 'acs_entrance'
  | 'acs_access_group'
  | 'acs_credential'
  | 'phone'
  | 'instant_key'

/** The session's user identity (none: nothing of access control is in its scope). */
const identityOf = (sessionId: string) =>
  sql`SELECT cs.user_identity_id FROM client_sessions cs WHERE cs.client_session_id = ${sessionId} AND cs.user_identity_id IS NOT NULL`

/** The acs users of the session's user identity. */
const acsUsersOf = (sessionId: string, workspaceId: string) =>
  sql`SELECT au.acs_user_id FROM acs_users au WHERE au.workspace_id = ${workspaceId} AND au.user_identity_id IN (${identityOf(sessionId)})`

/**
 * What a client session may read of each resource, as a condition on that resource's table.
 * Every scoped read in the store goes through `inScope`, so no route can forget the rule.
 */
const RULES: Record<ScopedResource, (sessionId: string, workspaceId: string) => Expression<SqlBool>> = {
  connected_account: (s, w) => sql<SqlBool>`connected_account_id IN (${accountsOf(w, s)})`,
  device: (s, w) => sql<SqlBool>`connected_account_id IN (${accountsOf(w, s)})`,
  connect_webview: (s) => sql<SqlBool>`connect_webview_id IN (${webviewsOf(s)})`,
  user_identity: (s) => sql<SqlBool>`user_identity_id IN (SELECT user_identity_id FROM client_sessions WHERE client_session_id = ${s})`,
  access_code: (s, w) => sql<SqlBool>`device_id IN (${devicesOf(w, s)})`,
  action_attempt: (s, w) => sql<SqlBool>`device_id IN (${devicesOf(w, s)})`,
  acs_user: (s) => sql<SqlBool>`user_identity_id IN (${identityOf(s)})`,
  acs_system: (s, w) =>
    sql<SqlBool>`acs_system_id IN (SELECT su.acs_system_id FROM acs_users su WHERE su.workspace_id = ${w} AND su.user_identity_id IN (${identityOf(s)}))`,
  acs_entrance: (s, w) => sql<SqlBool>`acs_entrance_id IN (${entrancesReachedBy(acsUsersOf(s, w))})`,
  acs_access_group: (s, w) =>
    sql<SqlBool>`acs_access_group_id IN (SELECT m.acs_access_group_id FROM acs_user_access_groups m WHERE m.acs_user_id IN (${acsUsersOf(s, w)}))`,
  acs_credential: (s, w) => sql<SqlBool>`(user_identity_id IN (${identityOf(s)}) OR acs_user_id IN (${acsUsersOf(s, w)}))`,
  phone: (s) => sql<SqlBool>`user_identity_id IN (${identityOf(s)})`,
  instant_key: (s) => sql<SqlBool>`user_identity_id IN (${identityOf(s)})`,
  event: (s, w) => sql<SqlBool>`(client_session_id = ${s}
    OR connected_account_id IN (${accountsOf(w, s)})
    OR connect_webview_id IN (${webviewsOf(s)}))`,
}

/** Narrows a query on one resource's table to what the scope may see (the whole workspace for keys). */
export const inScope = <Q extends { where(expression: Expression<SqlBool>): Q }>(query: Q, resource: ScopedResource, scope: Scope): Q =>
  scope.clientSessionId === null ? query : query.where(RULES[resource](scope.clientSessionId, scope.workspaceId))
