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
  if (filter.createdBefore !== undefined) narrowed = narrowed.where(sql<SqlBool>`created_at < ${filter.createdBefore}`)
  if (filter.search !== undefined) narrowed = narrowed.where(searchExpression(filter.search, searchColumns))
  return narrowed
}
