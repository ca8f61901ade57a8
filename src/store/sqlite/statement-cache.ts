import type { Database as BetterSqlite3Database, Statement } from 'better-sqlite3'
import type { SqliteDatabase, SqliteStatement } from 'kysely'

/**
 * Writes run through any statement cache of this process, every connection's together. It is
 * process-wide on purpose, and a count rather than a cache: a read memo (read-memo.ts) compares
 * it on every read, so it sees at once a write made through another store of this process (a
 * CLI command in a test, a second server on the same file), as it sees its own, without asking
 * the file. Other processes' commits reach it through the WAL index (wal-index-watch.ts).
 */
let writesInProcess = 0

/**
 * better-sqlite3 compiles SQL on every `prepare`, and Kysely prepares every query it runs; the
 * profile of the hot path showed compilation as its largest cost. This is the database Kysely's
 * SQLite dialect is given, implementing exactly the interface the dialect asks for
 * (`SqliteDatabase`: `prepare` and `close`), whose `prepare` reuses compiled statements by SQL
 * text. Statements run synchronously (`all`/`run`; an iterator Kysely streams is read through
 * before anything else runs on this connection), so reuse cannot interleave. Bounded, least
 * recently used first out, because IN-lists of varying length produce many distinct texts.
 *
 * Every statement that changes the database (better-sqlite3's `readonly` is false: INSERT,
 * UPDATE, DELETE, a write with RETURNING) counts in `writesInProcess` when it runs, whoever runs
 * it: Kysely, the group commit (group-commit.ts) or the read memo.
 */
export const withStatementCache = (
  database: BetterSqlite3Database,
  capacity = 500,
): { database: SqliteDatabase; prepare: (source: string) => SqliteStatement; writes: () => number } => {
  const cache = new Map<string, SqliteStatement>()
  const prepare = (source: string): SqliteStatement => {
    const hit = cache.get(source)
    if (hit !== undefined) {
      cache.delete(source)
      cache.set(source, hit)
      return hit
    }
    const statement = countingWrites(database.prepare(source))
    cache.set(source, statement)
    if (cache.size > capacity) cache.delete(cache.keys().next().value as string)
    return statement
  }
  return { database: { prepare, close: () => database.close() }, prepare, writes: () => writesInProcess }
}

/** A statement that reads is handed on as it is; one that writes counts each of its runs. */
const countingWrites = (statement: Statement): SqliteStatement => {
  if (statement.readonly) return statement
  return {
    reader: statement.reader,
    all(parameters) {
      writesInProcess++
      return statement.all(parameters)
    },
    run(parameters) {
      writesInProcess++
      return statement.run(parameters)
    },
    iterate(parameters) {
      writesInProcess++
      return statement.iterate(parameters)
    },
  }
}
