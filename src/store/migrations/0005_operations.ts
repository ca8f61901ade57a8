import type { Kysely } from 'kysely'

import type { SqlFlavor } from '../sql/flavor.ts'

/**
 * What running the service needs, beyond the API's own data. Immutable once released.
 * - `server_settings`: named values the servers share, such as the check value of the token
 *   encryption key (never the key itself);
 * - `rate_limit_counters`: requests per client address in the current window, so every server
 *   on one PostgreSQL database counts against one budget.
 */
export const up = async (db: Kysely<unknown>, _flavor: SqlFlavor): Promise<void> => {
  await db.schema
    .createTable('server_settings')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('rate_limit_counters')
    .addColumn('bucket', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute()
}
