import { type SqlBool, sql } from 'kysely'

import type { Store } from '../store.ts'
import { phoneRow, toPhone } from './acs-rows.ts'
import type { Engine } from './engine.ts'
import { recordEvent } from './events.ts'
import type { SqlFlavor } from './flavor.ts'
import { inScope } from './scope.ts'

type PhoneVerbs = Pick<Store, 'insertPhone' | 'getPhone' | 'listPhones' | 'deactivatePhone'>

/** A user identity's phones (migrations/0016 `phones`): made by phones/simulate, removed by phones/deactivate. */
export const phoneVerbs = (engine: Engine, flavor: SqlFlavor): PhoneVerbs => {
  const { db } = engine
  return {
    insertPhone(phone) {
      return db.transaction().execute(async (trx) => {
        // The identity's row, locked: a phone never lands on an identity being deleted.
        const identity = await flavor
          .lockRows(
            trx
              .selectFrom('user_identities')
              .select('user_identity_id')
              .where('workspace_id', '=', phone.workspaceId)
              .where('user_identity_id', '=', phone.userIdentityId)
              .where('is_managed', '=', 1),
          )
          .executeTakeFirst()
        if (identity === undefined) return 'identity_not_found'
        await trx.insertInto('phones').values(phoneRow(phone)).execute()
        return 'created'
      })
    },

    async getPhone(scope, deviceId) {
      const row = await inScope(
        db.selectFrom('phones').selectAll().where('workspace_id', '=', scope.workspaceId).where('device_id', '=', deviceId),
        'phone',
        scope,
      ).executeTakeFirst()
      return row && toPhone(row)
    },

    async listPhones(scope, filter) {
      let query = inScope(db.selectFrom('phones').selectAll().where('workspace_id', '=', scope.workspaceId), 'phone', scope)
      if (filter.userIdentityId !== undefined) query = query.where('user_identity_id', '=', filter.userIdentityId)
      if (filter.acsCredentialId !== undefined) {
        // A credential lands on its holder's phones: its own user identity's, or its acs user's identity's.
        const holder = sql`SELECT COALESCE(c.user_identity_id, u.user_identity_id) FROM acs_credentials c
          LEFT JOIN acs_users u ON u.acs_user_id = c.acs_user_id
          WHERE c.workspace_id = ${scope.workspaceId} AND c.acs_credential_id = ${filter.acsCredentialId}`
        query = query.where(sql<SqlBool>`user_identity_id IN (${holder})`)
      }
      const rows = await query.orderBy('created_at', 'desc').orderBy('device_id', 'desc').execute()
      return rows.map(toPhone)
    },

    deactivatePhone(scope, deviceId, events) {
      return db.transaction().execute(async (trx) => {
        const row = await inScope(
          flavor.lockRows(
            trx.selectFrom('phones').selectAll().where('workspace_id', '=', scope.workspaceId).where('device_id', '=', deviceId),
          ),
          'phone',
          scope,
        ).executeTakeFirst()
        if (row === undefined) return false
        await trx.deleteFrom('phones').where('workspace_id', '=', scope.workspaceId).where('device_id', '=', deviceId).execute()
        for (const e of events(toPhone(row))) await recordEvent(trx, e)
        return true
      })
    },
  }
}
