import { type SqlBool, sql, type Transaction } from 'kysely'

import type { Store } from '../store.ts'
import type { Database } from '../tables.ts'
import { optional } from '../optional.ts'
import { narrowAcs } from './acs-filters.ts'
import { entrancesReachedBy } from './acs-reach.ts'
import { toAcsEntrance } from './acs-rows.ts'
import type { Engine } from './engine.ts'
import type { SqlFlavor } from './flavor.ts'
import { narrowList, searchExpression } from './list-filter.ts'
import { pageOf } from './paging.ts'
import { toDevice, toUserIdentity } from './resource-rows.ts'
import { inScope } from './scope.ts'
import { isUniqueViolation } from './unique-violation.ts'

type IdentityAccessVerbs = Pick<
  Store,
  | 'updateUserIdentity'
  | 'getUnmanagedUserIdentity'
  | 'listUnmanagedUserIdentities'
  | 'manageUserIdentity'
  | 'acsUserIdsOfIdentities'
  | 'changeIdentityAccess'
  | 'listIdentityDevices'
  | 'listIdentityEntrances'
>

/** What an unmanaged identity search looks at: Seam's list, which also finds one by its acs users' system. */
const UNMANAGED_SEARCH = ['user_identity_id', 'full_name', 'email_address', 'phone_number']

/** The identity's row, locked: two changes to one identity (or one and its deletion) apply in turn. */
const lockIdentity = (trx: Transaction<Database>, flavor: SqlFlavor, workspaceId: string, userIdentityId: string, isManaged: number) =>
  flavor
    .lockRows(
      trx
        .selectFrom('user_identities')
        .select(['user_identity_id', 'user_identity_key'])
        .where('workspace_id', '=', workspaceId)
        .where('user_identity_id', '=', userIdentityId)
        .where('is_managed', '=', isManaged),
    )
    .executeTakeFirst()

/** A write that may hit the unique (workspace_id, user_identity_key) index: `key_in_use` then. */
const keyed = async (write: () => Promise<'updated' | 'not_found'>): Promise<'updated' | 'not_found' | 'key_in_use'> => {
  try {
    return await write()
  } catch (error) {
    if (isUniqueViolation(error)) return 'key_in_use'
    throw error
  }
}

/**
 * User identities' own access (migrations/0018): their acs users, the devices granted to them,
 * and the unmanaged identities an access system's users came with. Reach is the model's
 * (sql/acs-reach.ts); only the identity → acs users step is here.
 */
export const identityAccessVerbs = (engine: Engine, flavor: SqlFlavor): IdentityAccessVerbs => {
  const { db } = engine
  return {
    updateUserIdentity(workspaceId, userIdentityId, changes) {
      return keyed(() =>
        db.transaction().execute(async (trx) => {
          if ((await lockIdentity(trx, flavor, workspaceId, userIdentityId, 1)) === undefined) return 'not_found'
          const set = optional({
            user_identity_key: changes.userIdentityKey,
            email_address: changes.emailAddress,
            phone_number: changes.phoneNumber,
            full_name: changes.fullName,
          })
          if (Object.keys(set).length > 0)
            await trx
              .updateTable('user_identities')
              .set(set)
              .where('workspace_id', '=', workspaceId)
              .where('user_identity_id', '=', userIdentityId)
              .execute()
          return 'updated'
        }),
      )
    },

    async getUnmanagedUserIdentity(scope, userIdentityId) {
      const query = db
        .selectFrom('user_identities')
        .selectAll()
        .where('workspace_id', '=', scope.workspaceId)
        .where('user_identity_id', '=', userIdentityId)
        .where('is_managed', '=', 0)
      const row = await inScope(query, 'user_identity', scope).executeTakeFirst()
      return row && toUserIdentity(row)
    },

    listUnmanagedUserIdentities(scope, filter, page) {
      const { search, ...rest } = filter
      let query = db.selectFrom('user_identities').selectAll().where('workspace_id', '=', scope.workspaceId).where('is_managed', '=', 0)
      if (search !== undefined) {
        const bySystem = sql<SqlBool>`user_identity_id IN (SELECT au.user_identity_id FROM acs_users au
          WHERE au.workspace_id = ${scope.workspaceId} AND ${searchExpression(search, ['au.acs_system_id'])})`
        query = query.where(sql<SqlBool>`(${searchExpression(search, UNMANAGED_SEARCH)} OR ${bySystem})`)
      }
      return pageOf(engine, narrowList(query, 'user_identity', scope, rest, UNMANAGED_SEARCH), 'user_identity_id', page, toUserIdentity)
    },

    manageUserIdentity(scope, userIdentityId, key) {
      return keyed(() =>
        db.transaction().execute(async (trx) => {
          const found = await inScope(
            trx
              .selectFrom('user_identities')
              .select('user_identity_id')
              .where('workspace_id', '=', scope.workspaceId)
              .where('user_identity_id', '=', userIdentityId)
              .where('is_managed', '=', 0),
            'user_identity',
            scope,
          ).executeTakeFirst()
          if (found === undefined || (await lockIdentity(trx, flavor, scope.workspaceId, userIdentityId, 0)) === undefined)
            return 'not_found'
          await trx
            .updateTable('user_identities')
            .set({ is_managed: 1, ...optional({ user_identity_key: key }) })
            .where('workspace_id', '=', scope.workspaceId)
            .where('user_identity_id', '=', userIdentityId)
            .execute()
          return 'updated'
        }),
      )
    },

    async acsUserIdsOfIdentities(workspaceId, userIdentityIds) {
      const byIdentity = new Map<string, string[]>(userIdentityIds.map((id) => [id, []]))
      if (userIdentityIds.length === 0) return byIdentity
      const rows = await db
        .selectFrom('acs_users')
        .select(['acs_user_id', 'user_identity_id'])
        .where('workspace_id', '=', workspaceId)
        .where('user_identity_id', 'in', [...userIdentityIds])
        .orderBy('created_at')
        .orderBy('acs_user_id')
        .execute()
      for (const r of rows) if (r.user_identity_id !== null) byIdentity.get(r.user_identity_id)?.push(r.acs_user_id)
      return byIdentity
    },

    changeIdentityAccess(workspaceId, userIdentityId, change, at) {
      return db.transaction().execute(async (trx) => {
        if ((await lockIdentity(trx, flavor, workspaceId, userIdentityId, 1)) === undefined) return 'identity_not_found'
        if (change.kind === 'add_acs_user' || change.kind === 'remove_acs_user') {
          const user = await flavor
            .lockRows(
              trx
                .selectFrom('acs_users')
                .select('user_identity_id')
                .where('workspace_id', '=', workspaceId)
                .where('acs_user_id', '=', change.acsUserId),
            )
            .executeTakeFirst()
          if (user === undefined) return 'target_not_found'
          const linkedHere = user.user_identity_id === userIdentityId
          if (change.kind === 'remove_acs_user' && !linkedHere) return 'target_not_found'
          if (change.kind === 'add_acs_user' && linkedHere) return 'unchanged'
          if (change.kind === 'add_acs_user' && user.user_identity_id !== null) {
            // An acs user linked to an unmanaged identity (the one its system came with) moves to
            // the managed one; one linked to another managed identity stays where it is.
            const owner = await trx
              .selectFrom('user_identities')
              .select('is_managed')
              .where('workspace_id', '=', workspaceId)
              .where('user_identity_id', '=', user.user_identity_id)
              .executeTakeFirst()
            if (owner !== undefined && owner.is_managed === 1) return 'acs_user_of_another_identity'
          }
          await trx
            .updateTable('acs_users')
            .set({ user_identity_id: change.kind === 'add_acs_user' ? userIdentityId : null })
            .where('workspace_id', '=', workspaceId)
            .where('acs_user_id', '=', change.acsUserId)
            .execute()
          return 'changed'
        }
        const device = await trx
          .selectFrom('devices')
          .select('device_id')
          .where('workspace_id', '=', workspaceId)
          .where('device_id', '=', change.deviceId)
          .where('is_managed', '=', 1)
          .executeTakeFirst()
        if (device === undefined) return 'target_not_found'
        if (change.kind === 'grant_device') {
          const inserted = await trx
            .insertInto('user_identity_devices')
            .values({ workspace_id: workspaceId, user_identity_id: userIdentityId, device_id: change.deviceId, created_at: at })
            .onConflict((oc) => oc.columns(['user_identity_id', 'device_id']).doNothing())
            .executeTakeFirst()
          return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 ? 'changed' : 'unchanged'
        }
        const deleted = await trx
          .deleteFrom('user_identity_devices')
          .where('workspace_id', '=', workspaceId)
          .where('user_identity_id', '=', userIdentityId)
          .where('device_id', '=', change.deviceId)
          .executeTakeFirst()
        return Number(deleted.numDeletedRows) > 0 ? 'changed' : 'unchanged'
      })
    },

    async listIdentityDevices(scope, userIdentityId) {
      const granted = db
        .selectFrom('user_identity_devices')
        .select('device_id')
        .where('workspace_id', '=', scope.workspaceId)
        .where('user_identity_id', '=', userIdentityId)
      const rows = await inScope(
        db
          .selectFrom('devices')
          .selectAll()
          .where('workspace_id', '=', scope.workspaceId)
          .where('is_managed', '=', 1)
          .where('device_id', 'in', granted),
        'device',
        scope,
      )
        .orderBy('created_at', 'desc')
        .orderBy('device_id', 'desc')
        .execute()
      return rows.map(toDevice)
    },

    async listIdentityEntrances(scope, userIdentityId) {
      const users = sql`SELECT iu.acs_user_id FROM acs_users iu WHERE iu.workspace_id = ${scope.workspaceId} AND iu.user_identity_id = ${userIdentityId}`
      const rows = await narrowAcs(db.selectFrom('acs_entrances').selectAll(), 'acs_entrance', scope, {})
        .where('workspace_id', '=', scope.workspaceId)
        .where(sql<SqlBool>`acs_entrance_id IN (${entrancesReachedBy(users)})`)
        .orderBy('created_at', 'desc')
        .orderBy('acs_entrance_id', 'desc')
        .execute()
      return rows.map(toAcsEntrance)
    },
  }
}
