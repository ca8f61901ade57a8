import { type CompiledQuery, type Kysely, type RawBuilder, sql } from 'kysely'

import { type MaybePromise, andThen } from '../../maybe-promise.ts'
import type { Database } from '../tables.ts'
import type { Engine } from './engine.ts'
import type { SqlFlavor } from './flavor.ts'
import { arg, preparedMappedQuery } from './prepared.ts'

/**
 * The hot auth read shared by every credential kind: one row by its public `token_id`, mapped
 * once per answer. SQLite runs one compiled statement per lookup and answers repeats from its
 * read memo; PostgreSQL sends concurrent lookups together as one `token_id = ANY($1)` statement
 * (the engine's `coalesce`, postgres/coalesced-lookup.ts). `select` builds the query and applies the given condition on `token_id`.
 */
export const tokenIdLookup = <Row extends { token_id: string }, Out>(
  engine: Engine,
  flavor: SqlFlavor,
  select: (db: Kysely<Database>, tokenIdMatches: RawBuilder<boolean>) => { compile(): CompiledQuery<Row> },
  map: (row: Row) => Out,
): ((tokenId: string) => MaybePromise<Out | undefined>) => {
  const keyed = (row: Row) => ({ tokenId: row.token_id, value: map(row) })
  if (engine.coalesce !== undefined && flavor.name === 'postgres') {
    const byTokenIds = preparedMappedQuery(engine, (d) => select(d, sql<boolean>`token_id = ANY(CAST(${arg(0)} AS text[]))`), keyed)
    const lookup = engine.coalesce((tokenIds) => byTokenIds(tokenIds), (found) => found.tokenId)
    return async (tokenId) => (await lookup(tokenId))?.value
  }
  const byTokenId = preparedMappedQuery(engine, (d) => select(d, sql<boolean>`token_id = ${arg(0)}`), keyed)
  // Synchronous when the read memo or the statement answers at once (see maybe-promise.ts).
  return (tokenId) => andThen(byTokenId(tokenId), (found) => found[0]?.value)
}
