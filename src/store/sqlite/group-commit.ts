import type { Database as BetterSqlite3Database } from 'better-sqlite3'
import type { Kysely, SqliteStatement } from 'kysely'

import type { Database } from '../tables.ts'

/** A single-statement write handed to the group commit; answers how many rows it changed. */
export type GroupedWrite = (sql: string, parameters: readonly unknown[]) => Promise<number>

interface Pending {
  sql: string
  parameters: readonly unknown[]
  resolve(changes: number): void
  reject(error: unknown): void
}

/**
 * Commits together the single-statement writes made in one pass of the event loop (one round of
 * its poll and check phases; not one callback, which the read memo calls a turn).
 *
 * Each commit in WAL mode writes every page it changed, once, plus the WAL frame headers, and
 * takes and drops SQLite's file locks: for one new session (its row and six index entries) that
 * was 21 `pwrite` and 6 `fcntl` calls. The new rows of concurrent creates share the table's last
 * page and several index pages, so one commit for all of them writes far less per row, with
 * about half the time per insert in batches of 16 (docs/performance.md has the measures).
 *
 * Writes queue until the loop's check phase (`setImmediate`), i.e. after every socket that was
 * ready in this pass has been read and its request has run up to its write. The batch then runs
 * on Kysely's one connection (waiting for any transaction that holds it) inside BEGIN IMMEDIATE
 * … COMMIT, all synchronously, so no read can see part of it. Each write's promise settles only
 * after the COMMIT, so an acknowledged write is as durable as before. When any statement fails,
 * the batch is rolled back and each write runs again on its own, so every caller gets exactly
 * the outcome it would have had alone.
 */
export const createGroupCommit = (
  db: Kysely<Database>,
  database: BetterSqlite3Database,
  prepare: (sql: string) => SqliteStatement,
): GroupedWrite => {
  let queue: Pending[] = []

  const runAlone = (write: Pending) => {
    try {
      write.resolve(Number(prepare(write.sql).run(write.parameters).changes))
    } catch (error) {
      write.reject(error)
    }
  }

  /** True when every write ran and the batch committed; false when it was rolled back. */
  const runTogether = (batch: Pending[]): boolean => {
    prepare('BEGIN IMMEDIATE').run([])
    const changes: number[] = []
    try {
      for (const write of batch) changes.push(Number(prepare(write.sql).run(write.parameters).changes))
      prepare('COMMIT').run([])
    } catch {
      if (database.inTransaction) prepare('ROLLBACK').run([])
      return false
    }
    batch.forEach((write, i) => write.resolve(changes[i] as number))
    return true
  }

  const flush = async () => {
    const batch = queue
    queue = []
    try {
      await db.connection().execute(async () => {
        if (batch.length === 1 || !runTogether(batch)) batch.forEach(runAlone)
      })
    } catch (error) {
      // The connection could not be had (the store is closing) or BEGIN itself failed: nothing
      // of this batch was committed, and a settled promise ignores a second settlement.
      for (const write of batch) write.reject(error)
    }
  }

  return (sql, parameters) =>
    new Promise<number>((resolve, reject) => {
      if (queue.length === 0) setImmediate(() => void flush())
      queue.push({ sql, parameters, resolve, reject })
    })
}
