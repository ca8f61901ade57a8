import type { NewUserIdentity } from '../records.ts'
import { toUserIdentity } from './resource-rows.ts'
import { inScope } from './scope.ts'
import type { Store } from '../store.ts'
import type { Engine } from './engine.ts'
import { narrowList } from './list-filter.ts'
import { pageOf } from './paging.ts'

/** A new identity as its table row; shared with the plain insert used for seeding. */
export const identityRow = (u: NewUserIdentity) => ({
  user_identity_id: u.userIdentityId,
  workspace_id: u.workspaceId,
  user_identity_key: u.userIdentityKey,
  email_address: u.emailAddress,
  phone_number: u.phoneNumber,
  full_name: u.fullName,
  created_at: u.createdAt,
})

/** What an identity search looks at: its id, key, name, email address and phone number. */
const IDENTITY_SEARCH = ['user_identity_id', 'user_identity_key', 'full_name', 'email_address', 'phone_number']

type IdentityVerbs = Pick<Store, 'createUserIdentity' | 'getUserIdentity' | 'listUserIdentities' | 'deleteUserIdentity'>

export const userIdentityVerbs = (engine: Engine): IdentityVerbs => {
  const { db } = engine
  return {
    async createUserIdentity(u) {
      // The unique (workspace_id, user_identity_key) constraint decides concurrent creates.
      const result = await db
        .insertInto('user_identities')
        .values(identityRow(u))
        .onConflict((oc) => oc.columns(['workspace_id', 'user_identity_key']).doNothing())
        .executeTakeFirst()
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
    },

    async getUserIdentity(scope, userIdentityId) {
      const query = db
        .selectFrom('user_identities')
        .selectAll()
        .where('workspace_id', '=', scope.workspaceId)
        .where('user_identity_id', '=', userIdentityId)
        // Unmanaged identities (migration 0018) answer only user_identities/unmanaged/*.
        .where('is_managed', '=', 1)
      const row = await inScope(query, 'user_identity', scope).executeTakeFirst()
      return row && toUserIdentity(row)
    },

    async listUserIdentities(scope, filter, page) {
      if (filter.userIdentityIds?.length === 0) return { items: [], hasNextPage: false }
      let query = db.selectFrom('user_identities').selectAll().where('workspace_id', '=', scope.workspaceId).where('is_managed', '=', 1)
      if (filter.userIdentityIds !== undefined) query = query.where('user_identity_id', 'in', filter.userIdentityIds)
      if (filter.userIdentityKey !== undefined) query = query.where('user_identity_key', '=', filter.userIdentityKey)
      return pageOf(engine, narrowList(query, 'user_identity', scope, filter, IDENTITY_SEARCH), 'user_identity_id', page, toUserIdentity)
    },

    /**
     * Deletes the identity and detaches it from the sessions that held it; its phones, instant keys
     * and device grants go with it, and its acs users and credentials stay, held by no identity.
     */
    deleteUserIdentity(workspaceId, userIdentityId) {
      return db.transaction().execute(async (trx) => {
        const deleted = await trx
          .deleteFrom('user_identities')
          .where('workspace_id', '=', workspaceId)
          .where('user_identity_id', '=', userIdentityId)
          .executeTakeFirst()
        if (Number(deleted.numDeletedRows) === 0) return false
        await trx
          .updateTable('client_sessions')
          .set({ user_identity_id: null })
          .where('workspace_id', '=', workspaceId)
          .where('user_identity_id', '=', userIdentityId)
          .execute()
        for (const table of ['phones', 'instant_keys', 'user_identity_devices'] as const)
          await trx.deleteFrom(table).where('workspace_id', '=', workspaceId).where('user_identity_id', '=', userIdentityId).execute()
        for (const table of ['acs_users', 'acs_credentials'] as const)
          await trx
            .updateTable(table)
            .set({ user_identity_id: null })
            .where('workspace_id', '=', workspaceId)
            .where('user_identity_id', '=', userIdentityId)
            .execute()
        return true
      })
    },
  }
}
