import { sql } from 'kysely'

import type { Batching } from '../sql/engine.ts'
import { COALESCED_READS, coalescedLookup } from './coalesced-lookup.ts'

/**
 * The PostgreSQL engine's batching: concurrent lookups by key share one statement
 * (coalesced-lookup.ts), written with what only PostgreSQL has: an array bound as one parameter
 * (`= ANY`, `unnest`) and DISTINCT ON. The arrays are cast to text[] so the statement's
 * parameter types never depend on the first values it was planned with.
 */
export const postgresBatching = (): Batching => ({
  anyOf: (column, keys) => sql`${sql.ref(column)} = ANY(CAST(${keys} AS text[]))`,
  // Each column among its own array as well: what lets a plan made once for any arrays (the
  // generic plan of a named statement) look the pairs up in the index on both columns instead of
  // scanning the table; the pair condition then keeps exactly the pairs asked for.
  pairAmong: ([first, second], firsts, seconds) =>
    sql`${sql.ref(first)} = ANY(CAST(${firsts} AS text[])) AND ${sql.ref(second)} = ANY(CAST(${seconds} AS text[]))
      AND (${sql.ref(first)}, ${sql.ref(second)}) IN (SELECT * FROM unnest(CAST(${firsts} AS text[]), CAST(${seconds} AS text[])))`,
  firstPerGroup: (query, columns) => query.distinctOn(columns.map((column) => sql.ref(column))),
  coalesce: (readMany, keyOf) => coalescedLookup(readMany, keyOf, COALESCED_READS),
})
