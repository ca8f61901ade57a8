import type { Database as BetterSqlite3Database } from 'better-sqlite3'
import type { SqliteStatement } from 'kysely'

import type { WalIndexWatch } from './wal-index-watch.ts'

/**
 * Answers repeated hot reads from memory for as long as the database file is unchanged, and
 * reads it again as soon as anything changed: a revoked token is refused on the very next
 * request, on every server sharing the file.
 *
 * "Unchanged" is checked before every answer. A write through any connection of this process
 * moves the process's write count (statement-cache.ts), checked on every read. A commit by
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

export const createReadMemo = (
  database: BetterSqlite3Database,
  prepare: (source: string) => SqliteStatement,
  writes: () => number,
  others: WalIndexWatch | 'private' | undefined,
  /** Told of every answer the memo keeps, which later requests then share (engine.ts). */
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
