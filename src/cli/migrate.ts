import { parseArgs } from 'node:util'

import { type CliIo, print } from './io.ts'
import { databaseOption, withStore } from './store-option.ts'

/** Creates the database when it does not exist yet (that is what migrate is for), then upgrades it. */
export const migrateCommand = async (args: string[], io: CliIo): Promise<number> => {
  const { values } = parseArgs({ args, options: databaseOption })
  const { applied, created } = await withStore(io, { ...values, create: true }, async ({ appliedMigrations, createdDatabase }) => ({
    applied: appliedMigrations,
    created: createdDatabase,
  }))
  const lines = [
    ...(created === null ? [] : [`Created database "${created}".`]),
    applied.length === 0 ? 'Database is up to date.' : `Applied: ${applied.join(', ')}`,
  ]
  print(io, values.json === true, { applied, created_database: created }, lines.join('\n'))
  return 0
}
