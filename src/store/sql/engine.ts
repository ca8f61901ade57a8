import { CompiledQuery, type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely'

import type { Database } from '../tables.ts'

/**
 * The narrow interface between the shared SQL (prepared.ts, paging.ts and the verbs) and a
 * database's engine tricks. Each store makes its own when it opens (open-sqlite-store.ts,
 * open-postgres-store.ts) and hands it to the verbs; nothing is registered globally.
 *
 * A store without tricks is `plainEngine(db)`: every statement through Kysely, rows mapped
 * afresh. The tricks change how fast an answer comes, never what it is.
 */
export interface Engine {
  readonly db: Kysely<Database>
  /** Runs a compiled read; its rows are the statement's. */
  read(sql: string, parameters: readonly unknown[]): Promise<readonly unknown[]>
  /** Runs a compiled single-statement write; answers how many rows it changed. */
  write(sql: string, parameters: readonly unknown[]): Promise<number>
  /**
   * Rows mapped to records. Rows the engine shares between answers (the SQLite read memo's,
   * sqlite/read-memo.ts) are mapped once per rows array, to frozen records, so repeats get the
   * same records; others are just mapped.
   */
  mapRows<Row, Out extends object>(rows: readonly Row[], map: (row: Row) => Out): readonly Readonly<Out>[]
  /**
   * Present where concurrent lookups by key should share statements (PostgreSQL:
   * postgres/batched-lookups.ts). Absent, each lookup reads its own key.
   */
  readonly batching?: Batching
}

/** What lookups that share statements need: SQL that takes many keys at once, and the sharing. */
export interface Batching {
  /** `column` is one of the keys bound together, as one array, at `keys`. */
  anyOf(column: string, keys: unknown): RawBuilder<SqlBool>
  /** The two columns are one of the pairs bound as two arrays, element by element. */
  pairAmong(columns: readonly [string, string], firsts: unknown, seconds: unknown): RawBuilder<SqlBool>
  /** The query's first row of each group of equal `columns` (in the query's order, which must begin with them). */
  firstPerGroup<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, columns: readonly string[]): SelectQueryBuilder<DB, TB, O>
  /**
   * Given a read of many keys at once and each row's key, a lookup of one key whose concurrent
   * calls share reads.
   */
  coalesce<Row>(
    readMany: (keys: string[]) => Promise<readonly Row[]>,
    keyOf: (row: Row) => string,
  ): (key: string) => Promise<Row | undefined>
}

const execute = (db: Kysely<Database>, sql: string, parameters: readonly unknown[]) =>
  db.executeQuery(CompiledQuery.raw(sql, [...parameters]))

/** A compiled read run through Kysely's own connection handling. */
export const throughKysely = async <Row>(db: Kysely<Database>, sql: string, parameters: readonly unknown[]): Promise<Row[]> =>
  (await execute(db, sql, parameters)).rows as Row[]

/** An engine that remembers nothing: every statement through Kysely, rows mapped afresh each time. */
export const plainEngine = (db: Kysely<Database>): Engine => ({
  db,
  read: (sql, parameters) => throughKysely(db, sql, parameters),
  write: async (sql, parameters) => Number((await execute(db, sql, parameters)).numAffectedRows ?? 0),
  mapRows: (rows, map) => rows.map(map),
})
