import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

import { holdsSealedData, verifyKeyRing, type KeyRingCipher } from '../auth/key-check.ts'
import { ensurePostgresDatabase } from '../store/postgres/ensure-database.ts'
import { MissingKeyFileError, type NamedKey, resolveKeyRing } from '../auth/server-secret.ts'
import { createTokenCipher } from '../auth/token-cipher.ts'
import { DEFAULT_DATABASE_URL, type DatabaseLocation, openStore, parseDatabaseUrl } from '../store/open-store.ts'
import type { Store } from '../store/store.ts'
import type { CliIo } from './io.ts'
import { UsageError } from './io.ts'

/** Options every command that opens the database accepts. */
export const databaseOption = {
  'database-url': { type: 'string' },
  create: { type: 'boolean' },
  json: { type: 'boolean' },
} as const

export const databaseLocation = (io: CliIo, flag: string | undefined): DatabaseLocation => {
  try {
    return parseDatabaseUrl(flag ?? io.env.DATABASE_URL ?? DEFAULT_DATABASE_URL)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

const DEFAULT_SQLITE_PATH = resolve((parseDatabaseUrl(DEFAULT_DATABASE_URL) as { path: string }).path)

/** Whether the location is the default SQLite file, the one place a first start may create data unasked. */
export const isDefaultSqlite = (location: DatabaseLocation): boolean =>
  location.kind === 'sqlite' && resolve(location.path) === DEFAULT_SQLITE_PATH

/** A mistyped SQLite path must not silently become a new, empty database. */
export const refuseMissingSqlite = (location: DatabaseLocation, create: boolean): void => {
  if (location.kind !== 'sqlite' || location.path === ':memory:' || create || isDefaultSqlite(location)) return
  if (!existsSync(location.path)) {
    throw new UsageError(
      `no database at ${location.path}; pass --create to create it there, or run "latchkey migrate --database-url sqlite:${location.path}"`,
    )
  }
}

export interface OpenedStore {
  store: Store
  location: DatabaseLocation
  keys: Buffer[]
  /** The same keys with where each came from, current first. */
  namedKeys: NamedKey[]
  cipher: KeyRingCipher
  appliedMigrations: string[]
  /** The PostgreSQL database this call created because it did not exist, or null. */
  createdDatabase: string | null
}

/**
 * Opens the store, brings its schema up to date, and checks that the configured encryption keys
 * are the ones its data needs: every command refuses to run against data it cannot read.
 * A SQLite key file is created only for a database that holds nothing sealed yet: a restored
 * copy without its key file is refused, never given a new key. Closes the store again if any of
 * that fails.
 */
export const openCheckedStore = async (env: CliIo['env'], location: DatabaseLocation, create: boolean): Promise<OpenedStore> => {
  refuseMissingSqlite(location, create)
  // A PostgreSQL database that does not exist yet is created (when the role may), as a SQLite file is.
  const createdDatabase = location.kind === 'postgres' ? await ensurePostgresDatabase(location.url) : null
  let namedKeys: NamedKey[] | MissingKeyFileError
  try {
    namedKeys = resolveKeyRing(location, env, { createKeyFile: false })
  } catch (error) {
    if (!(error instanceof MissingKeyFileError)) throw error
    namedKeys = error
  }
  // LATCHKEY_ENGINE_TRICKS=off opens the store with the plain engine (same answers, slower): the
  // test suite runs once that way, servers and commands it starts included.
  const store = openStore(location, { engineTricks: env.LATCHKEY_ENGINE_TRICKS !== 'off' })
  try {
    const appliedMigrations = await store.migrate()
    if (namedKeys instanceof MissingKeyFileError) {
      const { path } = namedKeys
      if (await holdsSealedData(store)) {
        throw new UsageError(
          `this database already holds encrypted client session tokens, but its key file ${path} is missing. ` +
            `Put the key file that belongs to this database (backed up with it) at ${path}, or set LATCHKEY_SECRET if it was made with one. No new key was created.`,
        )
      }
      // Nothing sealed yet: this database's key file is made now.
      namedKeys = resolveKeyRing(location, env)
    }
    const keys = namedKeys.map(({ key }) => key)
    const cipher = createTokenCipher(...keys)
    await verifyKeyRing(store, namedKeys, cipher)
    return { store, location, keys, namedKeys, cipher, appliedMigrations, createdDatabase }
  } catch (error) {
    await store.close()
    throw error
  }
}

/** Runs a command against a checked store (its `databaseOption` values), and always closes the store. */
export const withStore = async <T>(
  io: CliIo,
  options: { 'database-url'?: string | undefined; create?: boolean | undefined },
  run: (opened: OpenedStore) => Promise<T>,
): Promise<T> => {
  const opened = await openCheckedStore(io.env, databaseLocation(io, options['database-url']), options.create === true)
  try {
    return await run(opened)
  } finally {
    await opened.store.close()
  }
}
