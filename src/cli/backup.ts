import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'

import { backupSqliteFile } from '../store/sqlite/backup.ts'
import { type CliIo, print, UsageError } from './io.ts'
import { databaseLocation } from './store-option.ts'

/**
 * `latchkey backup --to PATH`: a consistent copy of a SQLite database while servers keep serving
 * (SQLite's online backup, WAL included), so no `sqlite3` program is needed. The key file is not
 * copied: a database copy alone yields no usable token, and the key belongs somewhere else.
 */
export const backupCommand = async (args: string[], io: CliIo): Promise<number> => {
  const { values } = parseArgs({ args, options: { 'database-url': { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } } })
  const to = values.to
  if (to === undefined) throw new UsageError('backup needs --to PATH')
  const location = databaseLocation(io, values['database-url'])
  if (location.kind !== 'sqlite' || location.path === ':memory:') {
    throw new UsageError('backup copies a SQLite file; for PostgreSQL use pg_dump -Fc "$DATABASE_URL" > latchkey.dump')
  }
  if (!existsSync(location.path)) throw new UsageError(`no database at ${location.path}`)
  if (existsSync(to)) throw new UsageError(`${to} already exists; choose a new path`)
  await backupSqliteFile(location.path, to)
  const keyNote =
    io.env.LATCHKEY_SECRET !== undefined && io.env.LATCHKEY_SECRET !== ''
      ? 'Its tokens are under LATCHKEY_SECRET: keep that secret to restore it.'
      : `Its key file ${location.path}.key is not in the copy: back it up apart from the copies, and restore it beside the database.`
  print(io, values.json === true, { database: location.path, backup: to }, `Backed up ${location.path} to ${to}.\n${keyNote}`)
  return 0
}
