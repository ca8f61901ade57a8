import type { Kysely } from 'kysely'

import type { Store } from '../store.ts'
import type { Database } from '../tables.ts'
import { sessionRow } from './client-sessions.ts'

// 12 columns × 400 rows stays under both databases' bound-parameter limits.
const ROWS_PER_STATEMENT = 400

/**
 * Loads many sessions at once (benchmarks, imports): multi-row INSERTs in one transaction instead
 * of one request per row. Sessions keep every invariant of the normal path except the events and
 * id links, which bulk loads do not carry; a held live user key fails the whole load.
 */
export const bulkVerbs = (db: Kysely<Database>): Pick<Store, 'bulkInsertClientSessions'> => ({
  async bulkInsertClientSessions(sessions) {
    await db.transaction().execute(async (trx) => {
      for (let start = 0; start < sessions.length; start += ROWS_PER_STATEMENT) {
        const rows = sessions.slice(start, start + ROWS_PER_STATEMENT).map(sessionRow)
        await trx.insertInto('client_sessions').values(rows).execute()
      }
    })
  },
})
