import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'

import { POSTGRES } from '../sql/flavor.ts'
import { namedStatementPool, queryNamed } from './named-statements.ts'
import { registerDirectReader } from '../sql/prepared.ts'
import { createSqlStore } from '../sql/sql-store.ts'
import type { Store } from '../store.ts'
import { latchkeyTypes, useUtc } from './timestamps.ts'
import type { Database } from '../tables.ts'

/** A PostgreSQL store; many Latchkey instances may share one database. */
export const openPostgresStore = (connectionString: string, poolSize = 10): Store => {
  const raw = new pg.Pool({ connectionString, max: poolSize, types: latchkeyTypes })
  useUtc(raw)
  // An idle client losing its connection must not crash the server; the pool replaces it.
  raw.on('error', () => {})
  // Statements run prepared under a name, planned once per connection (named-statements.ts).
  const pool = namedStatementPool(raw)
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  // Compiled hot reads skip Kysely's connection handling. Always read from the database:
  // nothing is remembered here, so every instance sees every commit.
  registerDirectReader(db, (sql, parameters) => queryNamed(pool, sql, parameters))
  return createSqlStore(db, POSTGRES)
}
