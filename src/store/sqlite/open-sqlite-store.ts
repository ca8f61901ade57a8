import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

import BetterSqlite3 from 'better-sqlite3'
import { Kysely } from 'kysely'

import { SQLITE } from '../sql/flavor.ts'
import { type Engine, sharedRowMapper, throughKysely } from '../sql/engine.ts'
import { startCheckpointer } from './checkpointer.ts'
import { createGroupCommit } from './group-commit.ts'
import { ImmediateTransactionsSqliteDialect } from './immediate-transactions.ts'
import { SqliteLiteralLimits } from './literal-limits.ts'
import { createReadMemo } from './read-memo.ts'
import { watchWalIndex } from './wal-index-watch.ts'
import { withStatementCache } from './statement-cache.ts'
import { createSqlStore } from '../sql/sql-store.ts'
import type { Store } from '../store.ts'
import type { Database } from '../tables.ts'

/** Opens (creating if needed) an embedded SQLite store; ':memory:' gives a throwaway one for tests. */
export const openSqliteStore = (path: string, options: { walLimitBytes?: number } = {}): Store => {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const database = new BetterSqlite3(path)
  // WAL lets readers proceed during a write; NORMAL sync is durable across process crashes
  // (an acknowledged write survives kill -9) and only an OS crash can lose the last commits.
  database.pragma('journal_mode = WAL')
  database.pragma('synchronous = NORMAL')
  database.pragma('foreign_keys = ON')
  database.pragma('busy_timeout = 5000')
  const cache = withStatementCache(database)
  const db = new Kysely<Database>({ dialect: new ImmediateTransactionsSqliteDialect({ database: cache.database }), plugins: [new SqliteLiteralLimits()] })
  // Compiled hot reads skip Kysely's connection handling and repeat from memory while the file
  // is unchanged (see read-memo.ts for why that is exact).
  const walIndex = path === ':memory:' ? undefined : watchWalIndex(path)
  const shared = sharedRowMapper()
  const memo = createReadMemo(database, cache.prepare, cache.writes, path === ':memory:' ? 'private' : walIndex, shared.share)
  const engine: Engine = {
    db,
    read: (sql, parameters) => memo(sql, parameters) ?? throughKysely(db, sql, parameters),
    // Single-statement writes of one event-loop pass share a commit (see group-commit.ts for the measure).
    write: createGroupCommit(db, database, cache.prepare),
    mapRows: shared.mapRows,
  }
  const store = createSqlStore(engine, SQLITE)
  if (path === ':memory:') return store
  const checkpointer = startCheckpointer(database, path, options.walLimitBytes === undefined ? {} : { walLimitBytes: options.walLimitBytes })
  return {
    ...store,
    async close() {
      await checkpointer.stop()
      await store.close()
      walIndex?.close()
    },
  }
}
