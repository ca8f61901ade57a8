import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

import BetterSqlite3 from 'better-sqlite3'
import { Kysely } from 'kysely'

import { clientSessionAuthRead } from '../sql/client-sessions.ts'
import { type Engine, plainEngine, throughKysely } from '../sql/engine.ts'
import { createSqlStore } from '../sql/sql-store.ts'
import { optional } from '../optional.ts'
import { NOT_AT_HAND, type OpenStoreOptions, type Store } from '../store.ts'
import type { Database } from '../tables.ts'
import { startCheckpointer } from './checkpointer.ts'
import { SQLITE } from './flavor.ts'
import { createGroupCommit } from './group-commit.ts'
import { ImmediateTransactionsSqliteDialect } from './immediate-transactions.ts'
import { SqliteLiteralLimits } from './literal-limits.ts'
import { createReadMemo, sharedRowMapper, withStatementCache } from './read-memo.ts'
import { watchWalIndex } from './wal-index-watch.ts'

/** The connection's settings, the same with or without engine tricks. */
const openDatabase = (path: string): BetterSqlite3.Database => {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const database = new BetterSqlite3(path)
  // WAL lets readers proceed during a write; NORMAL sync is durable across process crashes
  // (an acknowledged write survives kill -9) and only an OS crash can lose the last commits.
  database.pragma('journal_mode = WAL')
  database.pragma('synchronous = NORMAL')
  database.pragma('foreign_keys = ON')
  database.pragma('busy_timeout = 5000')
  return database
}

/**
 * The store with the engine's tricks: statements compiled once per text (read-memo.ts),
 * LIMITs written out (literal-limits.ts), hot reads repeated from memory while the file is
 * unchanged (read-memo.ts, which says why that is exact), and the single-statement writes of one
 * event-loop pass committed together (group-commit.ts). Because the memo answers without waiting,
 * this store also answers the client session token's read synchronously
 * (`Store.clientSessionAuthNow`), whenever no transaction holds the connection.
 */
const withEngineTricks = (database: BetterSqlite3.Database, path: string): { store: Store; close: () => void } => {
  const cache = withStatementCache(database)
  const db = new Kysely<Database>({
    dialect: new ImmediateTransactionsSqliteDialect({ database: cache.database }),
    plugins: [new SqliteLiteralLimits()],
  })
  const walIndex = path === ':memory:' ? undefined : watchWalIndex(path)
  const shared = sharedRowMapper()
  const memo = createReadMemo(database, cache.prepare, cache.writes, path === ':memory:' ? 'private' : walIndex, shared.share)
  const engine: Engine = {
    db,
    // Compiled hot reads skip Kysely's connection handling; inside a transaction they wait for it.
    read: async (sql, parameters) => memo(sql, parameters) ?? throughKysely(db, sql, parameters),
    write: createGroupCommit(db, database, cache.prepare),
    mapRows: shared.mapRows,
  }
  const authRead = clientSessionAuthRead(engine, SQLITE)
  const store: Store = {
    ...createSqlStore(engine, SQLITE),
    clientSessionAuthNow(tokenId) {
      const { sql, parameters } = authRead.statement(tokenId)
      const rows = memo(sql, parameters)
      return rows === undefined ? NOT_AT_HAND : authRead.answer(rows)
    },
  }
  return { store, close: () => walIndex?.close() }
}

/**
 * Opens (creating if needed) an embedded SQLite store; ':memory:' gives a throwaway one for tests.
 * With `engineTricks: false` every statement goes through Kysely as it is: the same answers.
 */
export const openSqliteStore = (path: string, options: OpenStoreOptions & { walLimitBytes?: number } = {}): Store => {
  const database = openDatabase(path)
  const { store, close } =
    options.engineTricks === false
      ? {
          store: createSqlStore(
            plainEngine(new Kysely<Database>({ dialect: new ImmediateTransactionsSqliteDialect({ database }) })),
            SQLITE,
          ),
          close: () => {},
        }
      : withEngineTricks(database, path)
  if (path === ':memory:') return store
  const checkpointer = startCheckpointer(database, path, optional({ walLimitBytes: options.walLimitBytes }))
  return {
    ...store,
    async close() {
      await checkpointer.stop()
      await store.close()
      close()
    },
  }
}
