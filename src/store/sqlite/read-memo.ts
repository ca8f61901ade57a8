import type { Database as BetterSqlite3Database, Statement } from 'better-sqlite3'

import { type DirectReader, markShared } from '../sql/prepared.ts'
import type { WalIndexWatch } from './wal-index-watch.ts'

/**
 * Answers repeated hot reads from memory for as long as the database file is unchanged, and
 * reads it again as soon as anything changed: a revoked token is refused on the very next
 * request, on every server sharing the file.
 *
 * "Unchanged" is checked before every answer: the shared WAL-index header (wal-index-watch.ts),
 * or where there is none `PRAGMA data_version`, moves when any other connection or process
 * commits to the file, and the statement cache's write count when this connection writes. A
 * private in-memory database has no other connection: its write count alone decides. Either moving empties the memo, so an
 * answer from it is exactly what the query would return now. Reads inside an open transaction
 * are never answered (they go through Kysely, after the transaction). Expiry is not a database
 * change, so callers keep comparing `expires_at` with the clock on every request.
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

export const createReadMemo = (
  database: BetterSqlite3Database,
  prepare: (source: string) => Statement,
  writes: () => number,
  others: WalIndexWatch | 'private' | undefined,
  rowsPerStatement = 2_000,
): DirectReader => {
  const othersCommitted = others === 'private' ? () => false : others !== undefined ? () => others.changed() : dataVersionWatch(database)
  let writesSeen = -1
  const memo = new Map<string, StatementAnswers>()
  return (sql, parameters) => {
    if (database.inTransaction) return undefined
    const written = writes()
    // Both are asked every time: the watch must see each change once to keep its baseline.
    const changedElsewhere = othersCommitted()
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
    keep(statement, key, rows, rowsPerStatement)
    return rows
  }
}

interface StatementAnswers {
  answers: Map<string, unknown[]>
  rowsHeld: number
}

const weight = (rows: unknown[]): number => Math.max(1, rows.length)

const keep = (statement: StatementAnswers, key: string, rows: unknown[], budget: number): void => {
  if (weight(rows) > budget) return
  markShared(rows)
  statement.answers.set(key, rows)
  statement.rowsHeld += weight(rows)
  for (const [oldestKey, oldest] of statement.answers) {
    if (statement.rowsHeld <= budget) break
    statement.answers.delete(oldestKey)
    statement.rowsHeld -= weight(oldest)
  }
}
