import { CompiledQuery, type Kysely } from 'kysely'

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
 * A read built and compiled once, then run with new arguments: the hot paths skip Kysely's
 * per-call building and compiling, and where the dialect allows, its per-call connection
 * handling (together a third of a session read's cost in the profile), while keeping its typed
 * builder as the only way SQL is written. Arguments travel as bound parameters, as always.
 */
const preparedQuery = <Row>(db: Kysely<Database>, build: (db: Kysely<Database>) => { compile(): CompiledQuery<Row> }) => {
  let compiled: CompiledQuery<Row> | undefined
  let slots: (number | undefined)[] = []
  return async (...args: unknown[]): Promise<readonly Row[]> => {
    if (compiled === undefined) {
      compiled = build(db).compile()
      slots = compiled.parameters.map((p) => (typeof p === 'string' && p.startsWith(MARK) ? Number(p.slice(MARK.length)) : undefined))
    }
    const fixed = compiled.parameters
    const parameters = slots.map((slot, i) => (slot === undefined ? fixed[i] : args[slot]))
    const direct = DIRECT.get(db)?.(compiled.sql, parameters)
    if (direct !== undefined) return (await direct) as Row[]
    const result = await db.executeQuery(CompiledQuery.raw(compiled.sql, parameters))
    return result.rows as Row[]
  }
}

const MAPPED = new WeakMap<object, readonly unknown[]>()

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
  return async (...args: unknown[]): Promise<readonly Readonly<Out>[]> => {
    const rows = await query(...args)
    const known = MAPPED.get(rows) as readonly Out[] | undefined
    if (known !== undefined) return known
    const mapped = Object.freeze(rows.map((row) => deepFreeze(map(row))))
    MAPPED.set(rows, mapped)
    return mapped
  }
}

const deepFreeze = <T extends object>(value: T): T => {
  for (const inner of Object.values(value)) if (typeof inner === 'object' && inner !== null) deepFreeze(inner)
  return Object.freeze(value)
}
