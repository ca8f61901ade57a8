import { DEFAULT_DATABASE_URL, type DatabaseLocation, openStore, parseDatabaseUrl } from '../store/open-store.ts'
import type { Store } from '../store/store.ts'
import type { CliIo } from './io.ts'
import { UsageError } from './io.ts'

export const databaseOption = { 'database-url': { type: 'string' } } as const

export const databaseLocation = (io: CliIo, flag: string | undefined): DatabaseLocation => {
  try {
    return parseDatabaseUrl(flag ?? io.env.DATABASE_URL ?? DEFAULT_DATABASE_URL)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

/**
 * Opens the store, brings its schema up to date (every command works on a fresh database),
 * runs the command, and always closes the store.
 */
export const withStore = async <T>(
  io: CliIo,
  flag: string | undefined,
  run: (store: Store, appliedMigrations: string[]) => Promise<T>,
): Promise<T> => {
  const store = openStore(databaseLocation(io, flag))
  try {
    const applied = await store.migrate()
    return await run(store, applied)
  } finally {
    await store.close()
  }
}
