import type { Store } from '../store.ts'
import { instantKeyRow, toInstantKey } from './acs-rows.ts'
import type { Engine } from './engine.ts'
import { inScope } from './scope.ts'

type InstantKeyVerbs = Pick<Store, 'insertInstantKey' | 'getInstantKey' | 'listInstantKeys' | 'deleteInstantKey'>

/** Instant Keys (migrations/0016 `instant_keys`): a user identity's link, backed by a client session. */
export const instantKeyVerbs = (engine: Engine): InstantKeyVerbs => {
  const { db } = engine
  return {
    async insertInstantKey(key) {
      await db.insertInto('instant_keys').values(instantKeyRow(key)).execute()
    },

    async getInstantKey(scope, by) {
      let query = inScope(db.selectFrom('instant_keys').selectAll().where('workspace_id', '=', scope.workspaceId), 'instant_key', scope)
      if (by.instantKeyId !== undefined) query = query.where('instant_key_id', '=', by.instantKeyId)
      if (by.instantKeyUrl !== undefined) query = query.where('instant_key_url', '=', by.instantKeyUrl)
      const row = await query.executeTakeFirst()
      return row && toInstantKey(row)
    },

    async listInstantKeys(scope, filter) {
      let query = inScope(db.selectFrom('instant_keys').selectAll().where('workspace_id', '=', scope.workspaceId), 'instant_key', scope)
      if (filter.userIdentityId !== undefined) query = query.where('user_identity_id', '=', filter.userIdentityId)
      const rows = await query.orderBy('created_at', 'desc').orderBy('instant_key_id', 'desc').execute()
      return rows.map(toInstantKey)
    },

    deleteInstantKey(workspaceId, instantKeyId) {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('instant_keys')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('instant_key_id', '=', instantKeyId)
          .executeTakeFirst()
        if (row === undefined) return undefined
        const deleted = await trx
          .deleteFrom('instant_keys')
          .where('workspace_id', '=', workspaceId)
          .where('instant_key_id', '=', instantKeyId)
          .executeTakeFirst()
        return Number(deleted.numDeletedRows) > 0 ? toInstantKey(row) : undefined
      })
    },
  }
}
