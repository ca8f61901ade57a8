import { sql } from 'kysely'

import type { SqlFlavor } from '../sql/flavor.ts'

export const SQLITE: SqlFlavor = {
  name: 'sqlite',
  // Fixed-width ISO 8601 UTC text sorts as the instants do.
  timestampType: 'text',
  jsonTextField: (column, key) => sql`json_extract(${sql.ref(column)}, ${sql.lit(`$.${key}`)})`,
  sortedList: (column, from) => sql<string>`(SELECT json_group_array(${sql.ref(column)} ORDER BY ${sql.ref(column)}) ${from})`,
  // One write transaction at a time (BEGIN IMMEDIATE: immediate-transactions.ts) already orders them.
  lockRows: (query) => query,
  lockRowsSkipLocked: (query) => query,
}
