import { createHash } from 'node:crypto'

import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'

import { POSTGRES } from './flavor.ts'
import { registerDirectReader } from './sql/prepared.ts'
import { createSqlStore } from './sql-store.ts'
import type { Store } from './store.ts'
import type { Database } from './tables.ts'

const statementNames = new Map<string, string>()

/** A stable name per SQL text, under which each pooled connection keeps the statement prepared. */
const statementName = (sql: string): string => {
  let name = statementNames.get(sql)
  if (name === undefined) {
    name = `latchkey_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`
    statementNames.set(sql, name)
  }
  return name
}

/** A PostgreSQL store; many Latchkey instances may share one database. */
export const openPostgresStore = (connectionString: string, poolSize = 10): Store => {
  const pool = new pg.Pool({ connectionString, max: poolSize })
  // An idle client losing its connection must not crash the server; the pool replaces it.
  pool.on('error', () => {})
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  // Compiled hot reads run as named prepared statements: PostgreSQL parses and plans each once
  // per connection instead of on every request (the planning of a session read with its links
  // cost more than running it). Always read from the database: nothing is remembered here, so
  // every instance sees every commit.
  registerDirectReader(db, async (sql, parameters) => (await pool.query({ name: statementName(sql), text: sql, values: [...parameters] })).rows)
  return createSqlStore(db, POSTGRES)
}
