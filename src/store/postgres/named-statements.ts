import { createHash } from 'node:crypto'

import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely'
import type pg from 'pg'

/**
 * Runs statements as named prepared statements, which PostgreSQL parses and plans once per
 * connection instead of on every call. Planning is most of the cost of our scoped reads
 * (docs/performance.md has the measures).
 *
 * - Only reads and writes made outside a transaction are named, so recovering from a failed
 *   statement (below) never meets an aborted transaction. Transactions here are short writes
 *   whose statements plan cheaply.
 * - At most MAX_NAMED distinct texts get a name, for the life of the process; later texts run
 *   unnamed. IN-lists of varying length make distinct texts, and each named one costs memory in
 *   every backend that ran it.
 * - If another instance changes the schema (a rolling migration adds a column), PostgreSQL
 *   refuses to run a `SELECT *` prepared before with "cached plan must not change result type".
 *   The statement is then run again unnamed, and the connection is discarded when it is
 *   released, so its replacement prepares the new shape.
 */
const MAX_NAMED = 1_000

const NAMEABLE = new Set(['select', 'insert', 'update', 'delete', 'with'])

const leadingWord = (sql: string): string => /^\s*([a-z]+)/i.exec(sql)?.[1]?.toLowerCase() ?? ''

/**
 * The names a pool gives its texts, created with the pool: at most MAX_NAMED, for the pool's
 * life (never invalidated: a name is a hash of its text). Undefined: the text runs unnamed.
 */
const statementNames = (): ((sql: string) => string | undefined) => {
  const names = new Map<string, string>()
  return (sql) => {
    const known = names.get(sql)
    if (known !== undefined) return known
    if (names.size >= MAX_NAMED || !NAMEABLE.has(leadingWord(sql))) return undefined
    const name = `latchkey_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`
    names.set(sql, name)
    return name
  }
}

const planOutdated = (error: unknown): boolean =>
  (error as { code?: unknown }).code === '0A000' && /cached plan must not change result type/i.test(String((error as Error).message))

/** Tracks whether the connection is inside a transaction, from the statements Kysely sends. */
const transactionState = (sql: string, inTransaction: boolean): boolean => {
  const word = leadingWord(sql)
  if (word === 'begin' || word === 'start') return true
  if (word === 'commit' || word === 'end') return false
  if (word === 'rollback') return /^\s*rollback\s+to\b/i.test(sql) ? inTransaction : false
  return inTransaction
}

const wrapClient = (client: pg.PoolClient, statementName: (sql: string) => string | undefined): PostgresPoolClient => {
  let inTransaction = false
  let outdated = false
  const query = async <R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>> => {
    inTransaction = transactionState(sql, inTransaction)
    const name = inTransaction ? undefined : statementName(sql)
    if (name === undefined) return client.query(sql, [...parameters]) as unknown as Promise<PostgresQueryResult<R>>
    try {
      return (await client.query({ name, text: sql, values: [...parameters] })) as unknown as PostgresQueryResult<R>
    } catch (error) {
      if (!planOutdated(error)) throw error
      outdated = true
      return (await client.query(sql, [...parameters])) as unknown as PostgresQueryResult<R>
    }
  }
  return {
    query: ((sqlOrCursor: string | PostgresCursor<unknown>, parameters?: readonly unknown[]) =>
      typeof sqlOrCursor === 'string'
        ? query(sqlOrCursor, parameters ?? [])
        : client.query(sqlOrCursor as never)) as PostgresPoolClient['query'],
    release() {
      client.release(outdated ? new Error('prepared statements outdated by a schema change') : undefined)
    },
  }
}

/**
 * Every connection keeps the plan of a named statement (applied by session-settings.ts). By
 * default PostgreSQL plans a prepared statement anew on each call for as long as it estimates the
 * generic plan dearer than the custom ones, and it judged so of the session lookup by `= ANY($1)`
 * (the batched token and user-key reads): pg_stat_statements showed one planning per call,
 * 0.4–0.6 ms of planning for 0.07–0.09 ms of execution (bench/pg-statements.ts,
 * docs/performance.md). Latchkey's statements are lookups by key and keyset pages on indexes,
 * whose generic plans are the plans a custom one would choose. A connection where it failed
 * plans as PostgreSQL's default does: slower, not wrong.
 */
export const GENERIC_PLANS = 'SET plan_cache_mode = force_generic_plan'

/** A pool for Kysely whose clients name their statements (see above). */
export const namedStatementPool = (pool: pg.Pool): PostgresPool => {
  const statementName = statementNames()
  return {
    connect: async () => wrapClient(await pool.connect(), statementName),
    end: () => pool.end(),
  }
}

/** One statement on a pooled connection, named like Kysely's: for reads that skip Kysely. */
export const queryNamed = async (pool: PostgresPool, sql: string, parameters: readonly unknown[]): Promise<unknown[]> => {
  const client = await pool.connect()
  try {
    return (await client.query(sql, parameters)).rows
  } finally {
    client.release()
  }
}
