import { Kysely, PostgresDialect } from 'kysely'
import { pg } from './pg.ts'

import { type Engine, plainEngine } from '../sql/engine.ts'
import { createSqlStore } from '../sql/sql-store.ts'
import type { OpenStoreOptions, Store } from '../store.ts'
import type { Database } from '../tables.ts'
import { postgresBatching } from './batching.ts'
import { POSTGRES } from './flavor.ts'
import { GENERIC_PLANS, namedStatementPool, queryNamed } from './named-statements.ts'
import { settleEachConnection } from './session-settings.ts'
import { latchkeyTypes, UTC_SESSION } from './timestamps.ts'

const CONNECT_TIMEOUT_MS = 5_000

/**
 * A PostgreSQL store; many Latchkey instances may share one database. With `engineTricks: false`
 * every statement goes through Kysely unnamed, one statement per lookup: the same answers.
 */
export const openPostgresStore = (connectionString: string, poolSize = 10, { engineTricks = true }: OpenStoreOptions = {}): Store => {
  // A connection attempt that gets no answer fails as an outage (503) instead of holding requests.
  const raw = new (pg().Pool)({ connectionString, max: poolSize, types: latchkeyTypes, connectionTimeoutMillis: CONNECT_TIMEOUT_MS })
  settleEachConnection(raw, engineTricks ? [UTC_SESSION, GENERIC_PLANS] : [UTC_SESSION])
  // An idle client losing its connection must not crash the server; the pool replaces it.
  raw.on('error', () => {})
  // Nor may a checked-out one. When PostgreSQL goes away, a client held between two statements
  // (inside a transaction, or just handed out) has no query to fail, so it emits 'error', and
  // an 'error' event with no listener ends the process. The statement that next uses it fails
  // (answered 503), and the pool drops a client that is no longer queryable when it is released.
  raw.on('connect', (client) => client.on('error', () => {}))
  if (!engineTricks) return createSqlStore(plainEngine(new Kysely<Database>({ dialect: new PostgresDialect({ pool: raw }) })), POSTGRES)
  // Statements run prepared under a name, planned once per connection (named-statements.ts).
  const pool = namedStatementPool(raw)
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  const engine: Engine = {
    ...plainEngine(db),
    // Compiled hot reads skip Kysely's connection handling. Nothing is remembered here, so every
    // instance sees every commit.
    read: (sql, parameters) => queryNamed(pool, sql, parameters),
    // Concurrent credential and user-key lookups share statements (batching.ts).
    batching: postgresBatching(),
  }
  return createSqlStore(engine, POSTGRES)
}
