import { openPostgresStore } from './postgres/open-postgres-store.ts'
import { openSqliteStore } from './sqlite/open-sqlite-store.ts'
import type { OpenStoreOptions, Store } from './store.ts'

export const DEFAULT_DATABASE_URL = 'sqlite:./data/latchkey.sqlite'

export type DatabaseLocation = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string }

/** `sqlite:<path>` (or `sqlite::memory:`) or `postgres://…` / `postgresql://…`. */
export const parseDatabaseUrl = (url: string): DatabaseLocation => {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\//, '')
    if (path === '') throw new Error('sqlite database URL needs a path, e.g. sqlite:./data/latchkey.sqlite')
    return { kind: 'sqlite', path }
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { kind: 'postgres', url }
  throw new Error(`unsupported database URL "${url.split(':')[0]}:…": use sqlite:<path> or postgres://…`)
}

/** The store at a location; `options.engineTricks: false` opens it with the plain engine (store.ts). */
export const openStore = (location: DatabaseLocation, options: OpenStoreOptions = {}): Store =>
  location.kind === 'sqlite' ? openSqliteStore(location.path, options) : openPostgresStore(location.url, undefined, options)
