import type { CompiledQuery, Kysely } from 'kysely'

import type { Database } from '../tables.ts'
import type { Engine } from './engine.ts'

const MARK = '\u0000latchkey-param:'

/** A stand-in for the i-th argument of a prepared query, in place of a value in the builder. */
export const arg = (index: number): string => `${MARK}${index}`

/** A statement's text and its parameters for one call. */
export interface BoundStatement {
  sql: string
  parameters: unknown[]
}

/** Builds and compiles a statement on first use, then fills in each call's arguments. */
export const compiledOnce = <Row>(db: Kysely<Database>, build: (db: Kysely<Database>) => { compile(): CompiledQuery<Row> }) => {
  let compiled: CompiledQuery<Row> | undefined
  let slots: (number | undefined)[] = []
  return (args: readonly unknown[]): BoundStatement => {
    if (compiled === undefined) {
      compiled = build(db).compile()
      slots = compiled.parameters.map((p) => (typeof p === 'string' && p.startsWith(MARK) ? Number(p.slice(MARK.length)) : undefined))
    }
    const fixed = compiled.parameters
    return { sql: compiled.sql, parameters: slots.map((slot, i) => (slot === undefined ? fixed[i] : args[slot])) }
  }
}

/**
 * A single-statement write built and compiled once, then run with new arguments; answers how many
 * rows it changed. It runs through the engine's writer (on SQLite the group commit), never its
 * reader, so the SQLite read memo sees the write.
 */
export const preparedWrite = (engine: Engine, build: (db: Kysely<Database>) => { compile(): CompiledQuery<unknown> }) => {
  const statement = compiledOnce(engine.db, build)
  return (...args: unknown[]): Promise<number> => {
    const { sql, parameters } = statement(args)
    return engine.write(sql, parameters)
  }
}

/**
 * A read built and compiled once, then run with new arguments, its rows mapped to records once
 * per answer. The hot paths skip Kysely's per-call building and compiling, and where the engine
 * allows, its per-call connection handling (together a third of a session read's cost when
 * profiled), while keeping its typed builder as the only way SQL is written. Arguments travel as
 * bound parameters, as always. When the same rows come back from the read memo, so do the same
 * records, frozen, because later requests share them.
 */
export const preparedMappedQuery = <Row, Out extends object>(
  engine: Engine,
  build: (db: Kysely<Database>) => { compile(): CompiledQuery<Row> },
  map: (row: Row) => Out,
) => {
  const statement = compiledOnce(engine.db, build)
  return async (...args: unknown[]): Promise<readonly Readonly<Out>[]> => {
    const { sql, parameters } = statement(args)
    return engine.mapRows((await engine.read(sql, parameters)) as readonly Row[], map)
  }
}

/**
 * `preparedMappedQuery` for a read of at most one row: its record, or undefined. The lookups by
 * key answer with this directly, so a call runs no forwarding function of their own.
 */
export const preparedFirst = <Row, Out extends object>(
  engine: Engine,
  build: (db: Kysely<Database>) => { compile(): CompiledQuery<Row> },
  map: (row: Row) => Out,
) => {
  const statement = compiledOnce(engine.db, build)
  return async (...args: unknown[]): Promise<Readonly<Out> | undefined> => {
    const { sql, parameters } = statement(args)
    return engine.mapRows((await engine.read(sql, parameters)) as readonly Row[], map)[0]
  }
}
