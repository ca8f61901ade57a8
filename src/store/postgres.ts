import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'

import { POSTGRES } from './flavor.ts'
import { createSqlStore } from './sql-store.ts'
import type { Store } from './store.ts'
import type { Database } from './tables.ts'

/** A PostgreSQL store; many Latchkey instances may share one database. */
export const openPostgresStore = (connectionString: string, poolSize = 10): Store => {
  const pool = new pg.Pool({ connectionString, max: poolSize })
  // An idle client losing its connection must not crash the server; the pool replaces it.
  pool.on('error', () => {})
  return createSqlStore(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), POSTGRES)
}
