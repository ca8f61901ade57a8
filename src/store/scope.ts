import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely'

import type { Scope } from './records.ts'

/**
 * The scope rule of SPEC §5, in SQL, in one place: a session reaches its own connected accounts
 * plus the connected account of each of its webviews once that webview is authorized. Accounts
 * must still exist (a deleted account leaves every scope). UNION counts an account reached both
 * ways once. Batched over many sessions, for device counts of whole pages.
 */
export const scopedAccountsBySession = (workspaceId: string, sessionIds: string[]): RawBuilder<unknown> => sql`
  SELECT l.client_session_id, l.connected_account_id
    FROM client_session_connected_accounts l
    JOIN connected_accounts a ON a.connected_account_id = l.connected_account_id AND a.workspace_id = ${workspaceId}
   WHERE l.client_session_id IN (${sql.join(sessionIds)})
  UNION
  SELECT l.client_session_id, w.connected_account_id
    FROM client_session_connect_webviews l
    JOIN connect_webviews w ON w.connect_webview_id = l.connect_webview_id AND w.workspace_id = ${workspaceId}
    JOIN connected_accounts a ON a.connected_account_id = w.connected_account_id AND a.workspace_id = ${workspaceId}
   WHERE l.client_session_id IN (${sql.join(sessionIds)})
     AND w.status = 'authorized'`

const accountsOf = (workspaceId: string, sessionId: string) =>
  sql`SELECT s.connected_account_id FROM (${scopedAccountsBySession(workspaceId, [sessionId])}) s`

const webviewsOf = (sessionId: string) =>
  sql`SELECT connect_webview_id FROM client_session_connect_webviews WHERE client_session_id = ${sessionId}`

export type ScopedResource = 'connected_account' | 'device' | 'connect_webview' | 'user_identity' | 'event'

/**
 * What a client session may read of each resource, as a condition on that resource's table.
 * Every scoped read in the store goes through `inScope`, so no route can forget the rule.
 */
const RULES: Record<ScopedResource, (sessionId: string, workspaceId: string) => Expression<SqlBool>> = {
  connected_account: (s, w) => sql<SqlBool>`connected_account_id IN (${accountsOf(w, s)})`,
  device: (s, w) => sql<SqlBool>`connected_account_id IN (${accountsOf(w, s)})`,
  connect_webview: (s) => sql<SqlBool>`connect_webview_id IN (${webviewsOf(s)})`,
  user_identity: (s) =>
    sql<SqlBool>`user_identity_id IN (SELECT user_identity_id FROM client_sessions WHERE client_session_id = ${s})`,
  event: (s, w) => sql<SqlBool>`(client_session_id = ${s}
    OR connected_account_id IN (${accountsOf(w, s)})
    OR connect_webview_id IN (${webviewsOf(s)}))`,
}

/** Narrows a query on one resource's table to what the scope may see (the whole workspace for keys). */
export const inScope = <Q extends { where(expression: Expression<SqlBool>): Q }>(
  query: Q,
  resource: ScopedResource,
  scope: Scope,
): Q => (scope.clientSessionId === null ? query : query.where(RULES[resource](scope.clientSessionId, scope.workspaceId)))
