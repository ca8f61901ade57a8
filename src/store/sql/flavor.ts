import type { RawBuilder, SelectQueryBuilder } from 'kysely'

/**
 * What differs between the two SQL databases, as capabilities the shared SQL calls (in the way of
 * Kysely's adapters), never as a branch on the database's name. Each database's own is in its
 * folder: sqlite/flavor.ts, postgres/flavor.ts.
 */
export interface SqlFlavor {
  /** The database's name, as the store reports it; shared SQL never branches on it. */
  readonly name: 'sqlite' | 'postgres'
  /** The column type timestamps are kept in. */
  readonly timestampType: 'text' | 'timestamptz'
  /** The text of `key` in the JSON object that `column` keeps as text. */
  jsonTextField(column: string, key: string): RawBuilder<unknown>
  /**
   * One column of a subquery's rows as a single value, sorted: `FROM …` is the subquery's FROM and
   * WHERE. It reads back as a JSON array in text or as an array the driver parsed already.
   */
  sortedList(column: string, from: RawBuilder<unknown>): RawBuilder<string | string[]>
  /**
   * Holds the rows a SELECT inside a transaction reads until the transaction ends, so concurrent
   * transactions on them take turns. Where only one transaction writes at a time (SQLite) they
   * take turns already and the query is left as it is.
   */
  lockRows<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O>
  /** As `lockRows`, skipping the rows another transaction holds, so concurrent claimers take different rows. */
  lockRowsSkipLocked<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O>
}
