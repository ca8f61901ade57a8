import { type Expression, type SqlBool, sql } from 'kysely'

import type { ListFilter, Scope } from '../records.ts'
import { inScope, type ScopedResource } from './scope.ts'

/** `LIKE` pattern text: the caller's `%`, `_` and `\` are literal characters. */
const likePattern = (text: string): string => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/**
 * A case-insensitive substring match over some columns, alike on both databases: `lower()` on
 * each side (SQLite's LIKE folds ASCII only, PostgreSQL's folds nothing) and an explicit escape.
 */
export const searchExpression = (text: string, columns: readonly string[]): Expression<SqlBool> => {
  const pattern = likePattern(text)
  const matches = columns.map((column) => sql<SqlBool>`lower(${sql.ref(column)}) LIKE ${pattern} ESCAPE '\\'`)
  return sql<SqlBool>`(${sql.join(matches, sql` OR `)})`
}

/** The accounts a customer holds: those a webview created for it connected. */
const customerAccounts = (workspaceId: string, customerKey: string) =>
  sql`SELECT connected_account_id FROM connected_accounts WHERE workspace_id = ${workspaceId} AND customer_key = ${customerKey}`

const customerDevices = (workspaceId: string, customerKey: string) =>
  sql`SELECT device_id FROM devices WHERE workspace_id = ${workspaceId} AND connected_account_id IN (${customerAccounts(workspaceId, customerKey)})`

/**
 * What belongs to a customer, as a condition on each resource's table: its webviews, the accounts
 * they connected, those accounts' devices and the devices' access codes; an event about any of them.
 */
const CUSTOMER_RULES: Partial<Record<ScopedResource, (workspaceId: string, customerKey: string) => Expression<SqlBool>>> = {
  connect_webview: (_w, k) => sql<SqlBool>`customer_key = ${k}`,
  connected_account: (_w, k) => sql<SqlBool>`customer_key = ${k}`,
  device: (w, k) => sql<SqlBool>`connected_account_id IN (${customerAccounts(w, k)})`,
  access_code: (w, k) => sql<SqlBool>`device_id IN (${customerDevices(w, k)})`,
  event: (w, k) => sql<SqlBool>`(connected_account_id IN (${customerAccounts(w, k)})
    OR device_id IN (${customerDevices(w, k)})
    OR connect_webview_id IN (SELECT connect_webview_id FROM connect_webviews WHERE workspace_id = ${w} AND customer_key = ${k}))`,
}

/** The customer condition for a resource; a list that takes `customer_key` has a rule here. */
export const belongsToCustomer = (resource: ScopedResource, workspaceId: string, customerKey: string): Expression<SqlBool> => {
  const rule = CUSTOMER_RULES[resource]
  if (rule === undefined) throw new Error(`no customer rule for ${resource}`)
  return rule(workspaceId, customerKey)
}

/**
 * The filters every scoped list shares, applied after the caller's scope: a `user_identifier_key`'s
 * session scope is one more scope rule, so the answer is what both scopes reach.
 */
export const narrowList = <Q extends { where(expression: Expression<SqlBool>): Q }>(
  query: Q,
  resource: ScopedResource,
  scope: Scope,
  filter: ListFilter,
  searchColumns: readonly string[],
): Q => {
  let narrowed = inScope(query, resource, scope)
  if (filter.withinSessionId === null) narrowed = narrowed.where(sql<SqlBool>`1 = 0`)
  else if (filter.withinSessionId !== undefined) {
    narrowed = inScope(narrowed, resource, { workspaceId: scope.workspaceId, clientSessionId: filter.withinSessionId })
  }
  if (filter.customerKey !== undefined) narrowed = narrowed.where(belongsToCustomer(resource, scope.workspaceId, filter.customerKey))
  if (filter.createdBefore !== undefined) narrowed = narrowed.where(sql<SqlBool>`created_at < ${filter.createdBefore}`)
  if (filter.search !== undefined) narrowed = narrowed.where(searchExpression(filter.search, searchColumns))
  return narrowed
}
