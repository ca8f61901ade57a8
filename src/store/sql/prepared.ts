import { CompiledQuery, type Kysely } from 'kysely'

import { type MaybePromise, andThen } from '../../maybe-promise.ts'
import type { Database } from '../tables.ts'

const MARK = '\u0000latchkey-param:'

/** A stand-in for the i-th argument of a prepared query, in place of a value in the builder. */
export const arg = (index: number): string => `${MARK}${index}`

/**
 * Runs compiled SQL straight on the database, or returns undefined when it cannot right now
 * (then the query goes through Kysely as usual). Registered by the dialect's store setup.
 */
export type DirectReader = (sql: string, parameters: readonly unknown[]) => unknown[] | Promise<unknown[]> | undefined

const DIRECT = new WeakMap<Kysely<Database>, DirectReader>()

export const registerDirectReader = (db: Kysely<Database>, reader: DirectReader): void => {
  DIRECT.set(db, reader)
}

/**
 * Runs a compiled single-statement write and answers how many rows it changed, in place of
 * Kysely's own execution (on SQLite the group commit). Registered by the dialect's store setup.
 */
export type DirectWriter = (sql: string, parameters: readonly unknown[]) => Promise<number>

const WRITERS = new WeakMap<Kysely<Database>, DirectWriter>()

export const registerDirectWriter = (db: Kysely<Database>, writer: DirectWriter): void => {
  WRITERS.set(db, writer)
}

/** Builds and compiles a statement on first use, then fills in each call's arguments. */
const compiledOnce = <Row>(db: Kysely<Database>, build: (db: Kysely<Database>) => { compile(): CompiledQuery<Row> }) => {
  let compiled: CompiledQuery<Row> | undefined
  let slots: (number | undefined)[] = []
  return (args: readonly unknown[]): { sql: string; parameters: unknown[] } => {
    if (compiled === undefined) {
      compiled = build(db).compile()
      slots = compiled.parameters.map((p) => (typeof p === 'string' && p.startsWith(MARK) ? Number(p.slice(MARK.length)) : undefined))
    }
    const fixed = compiled.parameters
    return { sql: compiled.sql, parameters: slots.map((slot, i) => (slot === undefined ? fixed[i] : args[slot])) }
  }
}

/**
 * A read built and compiled once, then run with new arguments: the hot paths skip Kysely's
 * per-call building and compiling, and where the dialect allows, its per-call connection
 * handling (together a third of a session read's cost in the profile), while keeping its typed
 * builder as the only way SQL is written. Arguments travel as bound parameters, as always.
 */
const preparedQuery = <Row>(db: Kysely<Database>, build: (db: Kysely<Database>) => { compile(): CompiledQuery<Row> }) => {
  const statement = compiledOnce(db, build)
  // Not async itself: the rows (or the read's own promise) are handed on as they come.
  return (...args: unknown[]): MaybePromise<readonly Row[]> => {
    const { sql, parameters } = statement(args)
    return readCompiled<Row>(db, sql, parameters)
  }
}

/**
 * Runs a compiled read through the dialect's direct reader where it can (on SQLite the read memo,
 * synchronously; on PostgreSQL a named statement), else through Kysely.
 */
export const readCompiled = <Row>(db: Kysely<Database>, sql: string, parameters: readonly unknown[]): MaybePromise<readonly Row[]> => {
  const direct = DIRECT.get(db)?.(sql, parameters)
  if (direct !== undefined) return direct as MaybePromise<Row[]>
  return db.executeQuery(CompiledQuery.raw(sql, [...parameters])).then((result) => result.rows as Row[])
}

/**
 * A single-statement write built and compiled once, like the reads above; answers how many rows
 * it changed. It runs through the dialect's direct writer where there is one, else through
 * Kysely's connection; never through the direct reader, so the SQLite read memo sees the write.
 */
export const preparedWrite = (db: Kysely<Database>, build: (db: Kysely<Database>) => { compile(): CompiledQuery<unknown> }) => {
  const statement = compiledOnce(db, build)
  return async (...args: unknown[]): Promise<number> => {
    const { sql, parameters } = statement(args)
    const direct = WRITERS.get(db)
    if (direct !== undefined) return direct(sql, parameters)
    const result = await db.executeQuery(CompiledQuery.raw(sql, parameters))
    return Number(result.numAffectedRows ?? 0)
  }
}

const MAPPED = new WeakMap<object, readonly unknown[]>()
const SHARED = new WeakSet<object>()

/** Called by a direct reader for an answer it keeps and may hand out again (the SQLite read memo). */
export const markShared = (rows: readonly unknown[]): void => {
  SHARED.add(rows)
}

/**
 * A prepared read whose rows are mapped to records once per answer: when the same rows come back
 * from the read memo, so do the same records, frozen, because later requests share them.
 */
export const preparedMappedQuery = <Row, Out extends object>(
  db: Kysely<Database>,
  build: (db: Kysely<Database>) => { compile(): CompiledQuery<Row> },
  map: (row: Row) => Out,
) => {
  const query = preparedQuery(db, build)
  return (...args: unknown[]): MaybePromise<readonly Readonly<Out>[]> => andThen(query(...args), (rows) => mapOnce(rows, map))
}

/**
 * Rows mapped to records. Rows a direct reader shares (the read memo's) are mapped once per rows
 * array, to frozen records, so its repeats get the same records; rows read for this call alone
 * (PostgreSQL, or an answer too large to keep) are just mapped, as freezing them buys nothing.
 */
export const mapOnce = <Row, Out extends object>(rows: readonly Row[], map: (row: Row) => Out): readonly Readonly<Out>[] => {
  if (!SHARED.has(rows)) return rows.map(map)
  const known = MAPPED.get(rows) as readonly Out[] | undefined
  if (known !== undefined) return known
  const mapped = Object.freeze(rows.map((row) => deepFreeze(map(row))))
  MAPPED.set(rows, mapped)
  return mapped
}

const deepFreeze = <T extends object>(value: T): T => {
  for (const inner of Object.values(value)) if (typeof inner === 'object' && inner !== null) deepFreeze(inner)
  return Object.freeze(value)
}
