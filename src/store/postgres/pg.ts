import { createRequire } from 'node:module'

import type PgModule from 'pg'

type Pg = typeof PgModule

let loaded: Pg | undefined

/**
 * node-postgres, loaded the first time a PostgreSQL store needs it. It is CommonJS, so it can be
 * required synchronously here, and a server on SQLite never pays for loading it (about a tenth of
 * a second of start-up: it also pulls in Node's fetch implementation). Measured in
 * docs/performance.md, "Start-up".
 */
export const pg = (): Pg => (loaded ??= createRequire(import.meta.url)('pg') as Pg)
