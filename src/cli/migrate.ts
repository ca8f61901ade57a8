import { parseArgs } from 'node:util'

import { type CliIo, print } from './io.ts'
import { databaseOption, withStore } from './store-option.ts'

export const migrateCommand = async (args: string[], io: CliIo): Promise<number> => {
  const { values } = parseArgs({ args, options: { ...databaseOption, json: { type: 'boolean' } } })
  const applied = await withStore(io, values['database-url'], async (_store, migrations) => migrations)
  print(io, values.json === true, { applied }, applied.length === 0 ? 'Database is up to date.' : `Applied: ${applied.join(', ')}`)
  return 0
}
