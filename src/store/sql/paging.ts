import { type CompiledQuery, type Expression, type SqlBool, sql } from 'kysely'

import type { Page, PageRequest } from '../records.ts'
import type { Engine } from './engine.ts'

interface PageableQuery<Row> {
  where(expression: Expression<SqlBool>): PageableQuery<Row>
  orderBy(expression: Expression<unknown>): PageableQuery<Row>
  limit(limit: number): PageableQuery<Row>
  compile(): CompiledQuery<Row>
}

/**
 * Newest-first keyset paging on (created_at, id), the one paging rule of every list: a page
 * costs one index seek at any depth and stays correct while rows come and go between pages.
 *
 * The page is read like the hot single-row reads (the engine's `read`): on SQLite a page asked again
 * while the database is unchanged comes from the read memo, with the same mapped records, so
 * what was derived from them (a session's decrypted token) is not derived again.
 */
export const pageOf = async <Row, Out extends object>(
  engine: Engine,
  query: PageableQuery<Row>,
  idColumn: string,
  { limit, after }: PageRequest,
  map: (row: Row) => Out,
): Promise<Page<Readonly<Out>>> => {
  const id = sql.ref(idColumn)
  let paged = query
  if (after !== undefined) {
    paged = paged.where(sql<SqlBool>`(created_at < ${after.createdAt} OR (created_at = ${after.createdAt} AND ${id} < ${after.id}))`)
  }
  const compiled = paged
    .orderBy(sql`created_at DESC`)
    .orderBy(sql`${id} DESC`)
    .limit(limit + 1)
    .compile()
  const items = engine.mapRows((await engine.read(compiled.sql, compiled.parameters)) as readonly Row[], map)
  return { items: items.slice(0, limit), hasNextPage: items.length > limit }
}
