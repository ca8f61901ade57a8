import { type Expression, type SqlBool, sql } from 'kysely'

import type { Page, PageRequest } from '../records.ts'

interface PageableQuery<Row> {
  where(expression: Expression<SqlBool>): PageableQuery<Row>
  orderBy(expression: Expression<unknown>): PageableQuery<Row>
  limit(limit: number): PageableQuery<Row>
  execute(): Promise<Row[]>
}

/**
 * Newest-first keyset paging on (created_at, id), the one paging rule of every list: a page
 * costs one index seek at any depth and stays correct while rows come and go between pages.
 */
export const pageOf = async <Row>(
  query: PageableQuery<Row>,
  idColumn: string,
  { limit, after }: PageRequest,
): Promise<Page<Row>> => {
  const id = sql.ref(idColumn)
  let paged = query
  if (after !== undefined) {
    paged = paged.where(
      sql<SqlBool>`(created_at < ${after.createdAt} OR (created_at = ${after.createdAt} AND ${id} < ${after.id}))`,
    )
  }
  const rows = await paged
    .orderBy(sql`created_at DESC`)
    .orderBy(sql`${id} DESC`)
    .limit(limit + 1)
    .execute()
  return { items: rows.slice(0, limit), hasNextPage: rows.length > limit }
}
