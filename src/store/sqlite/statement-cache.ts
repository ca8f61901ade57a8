import type { Database as BetterSqlite3Database, Statement } from 'better-sqlite3'

/**
 * better-sqlite3 compiles SQL on every `prepare`, and Kysely prepares every query it runs; the
 * profile of the hot path showed compilation as its largest cost. This hands Kysely a database
 * whose `prepare` reuses compiled statements by SQL text. Statements only ever run synchronously
 * here (`all`/`run`, never a held iterator), so reuse cannot interleave. Bounded, least recently
 * used first out, because IN-lists of varying length produce many distinct texts.
 *
 * It also counts writes: Kysely runs each statement right after preparing it, so a statement
 * that is not a reader (INSERT, UPDATE, DELETE, BEGIN, COMMIT…) means a connection is changing
 * its database. The count is the whole process's, every connection's writes together, so a read
 * memo (read-memo.ts) sees at once a write made through another store in the same process, as
 * it sees its own, without asking the file.
 */
/** Writes prepared through any statement cache of this process. */
let writesInProcess = 0

export const withStatementCache = (
  database: BetterSqlite3Database,
  capacity = 500,
): { database: BetterSqlite3Database; prepare: (source: string) => Statement; writes: () => number } => {
  const cache = new Map<string, Statement>()
  const compiled = (source: string): Statement => {
    const hit = cache.get(source)
    if (hit !== undefined) {
      cache.delete(source)
      cache.set(source, hit)
      return hit
    }
    const statement = database.prepare(source)
    cache.set(source, statement)
    if (cache.size > capacity) cache.delete(cache.keys().next().value as string)
    return statement
  }
  const prepare = (source: string): Statement => {
    const statement = compiled(source)
    if (!statement.reader) writesInProcess++
    return statement
  }
  const cached = new Proxy(database, {
    get(target, property) {
      if (property === 'prepare') return prepare
      const value: unknown = Reflect.get(target, property, target)
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
    },
  })
  return { database: cached, prepare, writes: () => writesInProcess }
}
