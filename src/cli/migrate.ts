import { parseArgs } from 'node:util'

import { type CliIo, print } from './io.ts'
import { databaseOption, withStore } from './store-option.ts'

/** Creates the database when it does not exist yet (that is what migrate is for), then upgrades it. */
export const migrateCommand = async (args: string[], io: CliIo): Promise<number> => {
  const { values } = parseArgs({ args, options: databaseOption })
  const applied = await withStore(io, { ...values, create: true }, async ({ appliedMigrations }) => appliedMigrations)
  print(io, values.json === true, { applied }, applied.length === 0 ? 'Database is up to date.' : `Applied: ${applied.join(', ')}`)
  return 0
}
