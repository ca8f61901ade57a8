import BetterSqlite3 from 'better-sqlite3'

/**
 * Copies a SQLite database to a new file with SQLite's online backup: consistent (WAL included)
 * while other connections keep reading and writing it.
 */
export const backupSqliteFile = async (path: string, to: string): Promise<void> => {
  const source = new BetterSqlite3(path, { readonly: true, fileMustExist: true })
  try {
    await source.backup(to)
  } finally {
    source.close()
  }
}
