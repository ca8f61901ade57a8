import type { Database as BetterSqlite3Database, Statement } from 'better-sqlite3'
import type { SqliteDatabase, SqliteStatement } from 'kysely'

import type { Engine } from '../sql/engine.ts'
import type { WalIndexWatch } from './wal-index-watch.ts'

/*
 * The SQLite engine's one statement layer, under Kysely and the group commit alike: statements
 * compiled once per text (the statement cache), every write counted as it runs, and hot reads
 * answered from memory while nothing changed (the read memo), their rows mapped once to shared
 * records. The count exists for the memo, and the shared records for the memo's rows, so the
 * three are one layer, and a read the memo answers crosses no other file of the engine's.
 */

/**
 * Writes run through any statement cache of this process, every connection's together. It is
 * process-wide on purpose, and a count rather than a cache: the read memo (below) compares
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

/** Without a `-shm` header to read, SQLite's own counter of other connections' commits. */
const dataVersionWatch = (database: BetterSqlite3Database): (() => boolean) => {
  const dataVersionOf = database.prepare<[], number>('PRAGMA data_version').pluck()
  let dataVersion = -1
  return () => {
    const version = dataVersionOf.get() as number
    if (version === dataVersion) return false
    dataVersion = version
    return true
  }
}

/** The rows of a compiled read, or undefined when the memo cannot answer now (inside a transaction). */
export type MemoRead = (sql: string, parameters: readonly unknown[]) => unknown[] | undefined

/**
 * Answers repeated hot reads from memory for as long as the database file is unchanged, and
 * reads it again as soon as anything changed: a revoked token is refused on the very next
 * request, on every server sharing the file.
 *
 * "Unchanged" is checked before every answer. A write through any connection of this process
 * moves the process's write count (above), checked on every read. A commit by
 * another process moves the shared WAL-index header (wal-index-watch.ts), or where there is none
 * `PRAGMA data_version`; that costs a system call, so it is asked once per turn of the event
 * loop: the first read after Node took up a callback (a request's packet arriving, a timer) asks
 * it, and the reads that follow in the same callback's run of ticks and promise jobs reuse the
 * answer. An API-key read by user key makes two memo reads and so one `pread` instead of two.
 * This keeps revocation at once: a request sent after another instance committed a revocation
 * arrives in a later callback, whose first read asks the file again. A private in-memory database
 * has no other connection: the write count alone decides. Either moving empties the memo, so an
 * answer from it is what the query returned at a moment between the request's arrival and its
 * answer. Reads inside an open transaction are never answered (they go through Kysely, after the
 * transaction). Expiry is not a database change, so callers keep comparing `expires_at` with the
 * clock on every request.
 *
 * Bounded per statement by rows held (a 100-row page counts 100, an empty answer 1), oldest
 * answer out first, so pages of lists cost no more memory than single-row reads; an answer larger
 * than the whole budget is not kept. Rows are shared, so callers map, never mutate.
 */
export const createReadMemo = (
  database: BetterSqlite3Database,
  prepare: (source: string) => SqliteStatement,
  writes: () => number,
  others: WalIndexWatch | 'private' | undefined,
  /** Told of every answer the memo keeps, which later requests then share (`sharedRowMapper`). */
  share: (rows: readonly unknown[]) => void,
  rowsPerStatement = 2_000,
): MemoRead => {
  const othersCommitted = others === 'private' ? () => false : others !== undefined ? () => others.changed() : dataVersionWatch(database)
  let writesSeen = -1
  // Whether the file was asked in this turn; reset by a tick queued when it was, which runs once
  // the current callback's ticks and promise jobs are done, before Node takes up the next one.
  let askedThisTurn = false
  const endOfTurn = () => {
    askedThisTurn = false
  }
  const memo = new Map<string, StatementAnswers>()
  return (sql, parameters) => {
    if (database.inTransaction) return undefined
    const written = writes()
    // The watch is asked at least once per turn: it must see each change once to keep its baseline.
    let changedElsewhere = false
    if (!askedThisTurn) {
      changedElsewhere = othersCommitted()
      askedThisTurn = true
      process.nextTick(endOfTurn)
    }
    if (changedElsewhere || written !== writesSeen) {
      memo.clear()
      writesSeen = written
    }
    let statement = memo.get(sql)
    if (statement === undefined) memo.set(sql, (statement = { answers: new Map(), rowsHeld: 0 }))
    const key = JSON.stringify(parameters)
    const known = statement.answers.get(key)
    if (known !== undefined) return known
    const rows = prepare(sql).all(parameters)
    if (keep(statement, key, rows, rowsPerStatement)) share(rows)
    return rows
  }
}

interface StatementAnswers {
  answers: Map<string, unknown[]>
  rowsHeld: number
}

const weight = (rows: unknown[]): number => Math.max(1, rows.length)

/** Keeps an answer within the statement's budget, dropping the oldest; false when too large to keep. */
const keep = (statement: StatementAnswers, key: string, rows: unknown[], budget: number): boolean => {
  if (weight(rows) > budget) return false
  statement.answers.set(key, rows)
  statement.rowsHeld += weight(rows)
  for (const [oldestKey, oldest] of statement.answers) {
    if (statement.rowsHeld <= budget) break
    statement.answers.delete(oldestKey)
    statement.rowsHeld -= weight(oldest)
  }
  return true
}

/**
 * Records for rows an engine shares: mapped once per rows array and mapping while the array lives
 * (weak keys: the read memo dropping an answer drops its records too), frozen because later
 * requests share them. Two reads that run the same statement share its rows but may map them
 * differently, hence one set of records per mapping. Owned by the SQLite engine with tricks
 * (open-sqlite-store.ts), which gives `share` to its memo and `mapRows` to the verbs.
 */
export const sharedRowMapper = (): { share: (rows: readonly unknown[]) => void; mapRows: Engine['mapRows'] } => {
  const shared = new WeakSet<object>()
  const mapped = new WeakMap<object, Map<unknown, readonly unknown[]>>()
  return {
    share: (rows) => shared.add(rows),
    mapRows<Row, Out extends object>(rows: readonly Row[], map: (row: Row) => Out): readonly Readonly<Out>[] {
      if (!shared.has(rows)) return rows.map(map)
      let byMapping = mapped.get(rows)
      if (byMapping === undefined) mapped.set(rows, (byMapping = new Map<unknown, readonly unknown[]>()))
      const known = byMapping.get(map) as readonly Out[] | undefined
      if (known !== undefined) return known
      const records = Object.freeze(rows.map((row) => deepFreeze(map(row))))
      byMapping.set(map, records)
      return records
    },
  }
}

const deepFreeze = <T extends object>(value: T): T => {
  for (const inner of Object.values(value)) if (typeof inner === 'object' && inner !== null) deepFreeze(inner)
  return Object.freeze(value)
}
