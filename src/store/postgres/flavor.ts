import { sql } from 'kysely'

import type { SqlFlavor } from '../sql/flavor.ts'

export const POSTGRES: SqlFlavor = {
  name: 'postgres',
  timestampType: 'timestamptz',
  jsonTextField: (column, key) => sql`(CAST(${sql.ref(column)} AS json) ->> ${sql.lit(key)})`,
  sortedList: (column, from) => sql<string[]>`ARRAY(SELECT ${sql.ref(column)} ${from} ORDER BY ${sql.ref(column)})`,
  lockRows: (query) => query.forUpdate(),
  lockRowsSkipLocked: (query) => query.forUpdate().skipLocked(),
}
