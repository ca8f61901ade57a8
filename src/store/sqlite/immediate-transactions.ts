import { CompiledQuery, type DatabaseConnection, type Driver, SqliteDialect, type SqliteDialectConfig, SqliteDriver } from 'kysely'

/**
 * Kysely's SQLite driver with `BEGIN IMMEDIATE` instead of `BEGIN`. A deferred transaction that
 * reads and then writes fails at its first write with SQLITE_BUSY, without waiting out the busy
 * timeout, whenever another connection (another process on the same file: `serve --workers`,
 * two servers, the webhook dispatcher of each) committed since its read. Taking the write lock
 * at BEGIN makes every transaction wait its turn instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

export class ImmediateTransactionsSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig

  constructor(config: SqliteDialectConfig) {
    super(config)
    this.#config = config
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config)
  }
}
