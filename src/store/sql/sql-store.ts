import { type Kysely, sql } from 'kysely'

import type { SqlFlavor } from './flavor.ts'
import { migrateToLatest } from '../migrate.ts'
import { accessCodeVerbs } from './access-codes.ts'
import { actionAttemptVerbs } from './action-attempts.ts'
import { bulkVerbs } from './bulk.ts'
import { connectWebviewVerbs } from './connect-webviews.ts'
import { connectedAccountVerbs } from './connected-accounts.ts'
import { credentialVerbs } from './credentials.ts'
import { deviceVerbs } from './devices.ts'
import { eventVerbs } from './events.ts'
import { sessionVerbs } from './client-sessions.ts'
import { operationVerbs } from './operations.ts'
import { resourceVerbs } from './resources.ts'
import { userIdentityVerbs } from './user-identities.ts'
import type { Store } from '../store.ts'
import type { Database } from '../tables.ts'

/** One SQL implementation of the Store for both databases; dialect setup lives in sqlite.ts/postgres.ts. */
export const createSqlStore = (db: Kysely<Database>, flavor: SqlFlavor): Store => ({
  flavor: flavor.name,
  migrate: () => migrateToLatest(db as Kysely<unknown>, flavor),
  async ping() {
    await sql`SELECT 1`.execute(db)
  },
  close: () => db.destroy(),
  ...credentialVerbs(db, flavor),
  ...sessionVerbs(db, flavor),
  ...resourceVerbs(db),
  ...connectedAccountVerbs(db),
  ...deviceVerbs(db),
  ...connectWebviewVerbs(db),
  ...userIdentityVerbs(db),
  ...eventVerbs(db),
  ...actionAttemptVerbs(db, flavor),
  ...accessCodeVerbs(db),
  ...bulkVerbs(db),
  ...operationVerbs(db),
})
