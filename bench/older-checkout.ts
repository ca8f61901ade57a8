import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

import Database from 'better-sqlite3'

/**
 * Makes a SQLite file seeded by a newer checkout openable by an older one (`npm run bench --before`):
 * the migrations the older checkout does not know are struck from Kysely's record of what ran, so
 * its migrator finds nothing amiss. What they added (columns with defaults, tables) the older code
 * never reads, and the rows the benchmark loads are the same for both.
 */
export const forgetNewerMigrations = (path: string, olderCheckout: string): void => {
  const known = new Set(
    readdirSync(join(olderCheckout, 'src/store/migrations'))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => file.slice(0, -'.ts'.length)),
  )
  const database = new Database(path)
  try {
    const ran = database.prepare('SELECT name FROM kysely_migration').all() as { name: string }[]
    const forget = database.prepare('DELETE FROM kysely_migration WHERE name = ?')
    for (const { name } of ran) if (!known.has(name)) forget.run(name)
  } finally {
    database.close()
  }
}

/**
 * The older checkout's own seeding: its data as that build writes it (its token format, its
 * schema), so it never meets a format it cannot read. Falls back to `fallback` when the checkout
 * has no bench/seed.ts.
 */
export const olderSeed = async <F>(olderCheckout: string, fallback: F): Promise<F> => {
  const path = join(olderCheckout, 'bench', 'seed.ts')
  if (!existsSync(path)) return fallback
  const module = (await import(pathToFileURL(path).href)) as { seedBenchData?: F }
  return module.seedBenchData ?? fallback
}
