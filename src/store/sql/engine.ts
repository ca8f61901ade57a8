import { CompiledQuery, type Kysely } from 'kysely'

import type { MaybePromise } from '../../maybe-promise.ts'
import type { Database } from '../tables.ts'

/**
 * The narrow interface between the shared SQL (prepared.ts, paging.ts and the verbs) and a
 * dialect's engine tricks. Each store makes its own when it opens (open-sqlite-store.ts,
 * open-postgres-store.ts) and hands it to the verbs; nothing is registered globally.
 *
 * A store without tricks is `plainEngine(db)`: every statement through Kysely, rows mapped
 * afresh. The tricks change how fast an answer comes, never what it is.
 */
export interface Engine {
  readonly db: Kysely<Database>
  /** Runs a compiled read; its rows are the statement's. On SQLite the read memo may answer synchronously. */
  read(sql: string, parameters: readonly unknown[]): MaybePromise<readonly unknown[]>
  /** Runs a compiled single-statement write; answers how many rows it changed. */
  write(sql: string, parameters: readonly unknown[]): Promise<number>
  /**
   * Rows mapped to records. Rows the engine shares between answers (the read memo's) are mapped
   * once per rows array, to frozen records, so repeats get the same records; others are just
   * mapped.
   */
  mapRows<Row, Out extends object>(rows: readonly Row[], map: (row: Row) => Out): readonly Readonly<Out>[]
  /**
   * Present where concurrent lookups by one key should share statements (PostgreSQL:
   * postgres/coalesced-lookup.ts): given a read of many keys at once and each row's key, a
   * lookup of one key. Absent, each lookup reads its own key.
   */
  coalesce?: <Row>(readMany: (keys: string[]) => MaybePromise<readonly Row[]>, keyOf: (row: Row) => string) => (key: string) => Promise<Row | undefined>
}

const execute = (db: Kysely<Database>, sql: string, parameters: readonly unknown[]) => db.executeQuery(CompiledQuery.raw(sql, [...parameters]))

/** A compiled read run through Kysely's own connection handling. */
export const throughKysely = async <Row>(db: Kysely<Database>, sql: string, parameters: readonly unknown[]): Promise<Row[]> =>
  (await execute(db, sql, parameters)).rows as Row[]

/**
 * An engine that remembers nothing: writes through Kysely, reads through `read` when given (on
 * PostgreSQL, named statements) or else through Kysely, rows mapped afresh each time.
 */
export const plainEngine = (db: Kysely<Database>, read?: Engine['read'], coalesce?: Engine['coalesce']): Engine => ({
  db,
  ...(coalesce === undefined ? {} : { coalesce }),
  read: read ?? ((sql, parameters) => throughKysely(db, sql, parameters)),
  write: async (sql, parameters) => Number((await execute(db, sql, parameters)).numAffectedRows ?? 0),
  mapRows: (rows, map) => rows.map(map),
})

/**
 * Records for rows an engine shares: mapped once per rows array while the array lives (weak
 * keys: the read memo dropping an answer drops its records too), frozen because later requests
 * share them. Owned by the engine that shares the rows.
 */
export const sharedRowMapper = (): { share: (rows: readonly unknown[]) => void; mapRows: Engine['mapRows'] } => {
  const shared = new WeakSet<object>()
  const mapped = new WeakMap<object, readonly unknown[]>()
  return {
    share: (rows) => shared.add(rows),
    mapRows<Row, Out extends object>(rows: readonly Row[], map: (row: Row) => Out): readonly Readonly<Out>[] {
      if (!shared.has(rows)) return rows.map(map)
      const known = mapped.get(rows) as readonly Out[] | undefined
      if (known !== undefined) return known
      const records = Object.freeze(rows.map((row) => deepFreeze(map(row))))
      mapped.set(rows, records)
      return records
    },
  }
}

const deepFreeze = <T extends object>(value: T): T => {
  for (const inner of Object.values(value)) if (typeof inner === 'object' && inner !== null) deepFreeze(inner)
  return Object.freeze(value)
}
