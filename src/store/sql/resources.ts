import { type Kysely, sql } from 'kysely'

import { insertNoiseThresholdRows } from './noise-thresholds.ts'
import type { ReferencedResource } from '../records.ts'
import type { Store } from '../store.ts'
import type { Database } from '../tables.ts'
import { webviewRow } from './connect-webviews.ts'
import { identityRow } from './user-identities.ts'

type ResourceVerbs = Pick<Store, 'findMissing' | 'insertConnectedAccount' | 'insertConnectWebview' | 'insertUserIdentity' | 'insertDevice'>

const TABLES = {
  connected_account: { table: 'connected_accounts', id: 'connected_account_id' },
  connect_webview: { table: 'connect_webviews', id: 'connect_webview_id' },
  user_identity: { table: 'user_identities', id: 'user_identity_id' },
} as const satisfies Record<ReferencedResource, { table: keyof Database; id: string }>

/** Existence checks for referenced ids, and plain inserts (seeding, tests, bulk loads). */
export const resourceVerbs = (db: Kysely<Database>): ResourceVerbs => ({
  async findMissing(workspaceId, resource, ids) {
    if (ids.length === 0) return []
    const { table, id } = TABLES[resource]
    const unique = [...new Set(ids)]
    const found = await db
      .selectFrom(table)
      .select(sql<string>`${sql.ref(id)}`.as('id'))
      .where('workspace_id', '=', workspaceId)
      .where(sql.ref(id), 'in', unique)
      .execute()
    const present = new Set(found.map((r) => r.id))
    return unique.filter((candidate) => !present.has(candidate))
  },

  async insertConnectedAccount(a) {
    await db
      .insertInto('connected_accounts')
      .values({
        connected_account_id: a.connectedAccountId,
        workspace_id: a.workspaceId,
        provider: a.provider,
        user_identifier_email: a.userIdentifierEmail,
        display_name: a.displayName,
        created_at: a.createdAt,
      })
      .execute()
  },
  async insertConnectWebview(w) {
    await db.insertInto('connect_webviews').values(webviewRow(w)).execute()
  },
  async insertUserIdentity(u) {
    await db.insertInto('user_identities').values(identityRow(u)).execute()
  },
  // The device and the settings it comes with (a Minut sensor's default noise thresholds), in one transaction.
  insertDevice: (d, noiseThresholds = []) =>
    db.transaction().execute(async (trx) => {
      await trx
        .insertInto('devices')
        .values({
          device_id: d.deviceId,
          workspace_id: d.workspaceId,
          connected_account_id: d.connectedAccountId,
          device_type: d.deviceType,
          display_name: d.displayName,
          properties: JSON.stringify(d.properties),
          created_at: d.createdAt,
        })
        .execute()
      await insertNoiseThresholdRows(trx, noiseThresholds)
    }),
})
