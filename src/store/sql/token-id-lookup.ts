import { type CompiledQuery, type Expression, type Kysely, type SqlBool, sql } from 'kysely'

import type { Database } from '../tables.ts'
import type { Engine } from './engine.ts'
import { arg, preparedFirst, preparedMappedQuery } from './prepared.ts'

/**
 * The hot auth read shared by every credential kind: one row by its public `token_id`, mapped
 * once per answer. One compiled statement per lookup (on SQLite answered again from the read
 * memo while the file is unchanged); where the engine batches (PostgreSQL), concurrent lookups go
 * together as one statement for many token ids. `select` builds the query and applies the given
 * condition on `token_id`.
 */
export const tokenIdLookup = <Row extends { token_id: string }, Out extends object>(
  engine: Engine,
  select: (db: Kysely<Database>, tokenIdMatches: Expression<SqlBool>) => { compile(): CompiledQuery<Row> },
  map: (row: Row) => Out,
): ((tokenId: string) => Promise<Out | undefined>) => {
  const { batching } = engine
  if (batching !== undefined) {
    const keyed = (row: Row) => ({ tokenId: row.token_id, value: map(row) })
    const byTokenIds = preparedMappedQuery(engine, (d) => select(d, batching.anyOf('token_id', arg(0))), keyed)
    const lookup = batching.coalesce(
      (tokenIds) => byTokenIds(tokenIds),
      (found) => found.tokenId,
    )
    return async (tokenId) => (await lookup(tokenId))?.value
  }
  return preparedFirst(engine, (d) => select(d, sql<SqlBool>`token_id = ${arg(0)}`), map)
}
