import type { Kysely, Transaction } from 'kysely'

import type { AcsAccessChange, NewEvent } from '../records.ts'
import type { Store } from '../store.ts'
import type { Database } from '../tables.ts'
import { optional } from '../optional.ts'
import { narrowAcs } from './acs-filters.ts'
import { acsUserRow, toAcsAccessGroup, toAcsCredential, toAcsEntrance, toAcsSystem, toAcsUser } from './acs-rows.ts'
import type { Engine } from './engine.ts'
import type { SqlFlavor } from './flavor.ts'
import { recordEvent } from './events.ts'
import { pageOf } from './paging.ts'

type AcsVerbs = Pick<
  Store,
  | 'getAcsSystem'
  | 'listAcsSystems'
  | 'getAcsUser'
  | 'listAcsUsers'
  | 'insertAcsUser'
  | 'updateAcsUser'
  | 'deleteAcsUser'
  | 'changeAcsUserAccess'
  | 'getAcsAccessGroup'
  | 'listAcsAccessGroups'
  | 'deleteAcsAccessGroup'
  | 'getAcsEntrance'
  | 'listAcsEntrances'
  | 'getAcsCredential'
  | 'listAcsCredentials'
>

const recordAll = async (trx: Transaction<Database>, events: readonly NewEvent[]) => {
  for (const e of events) await recordEvent(trx, e)
}

/** The user's row, locked, so two changes to one user (or one and its deletion) apply in turn. */
const lockUser = (trx: Transaction<Database>, flavor: SqlFlavor, workspaceId: string, acsUserId: string) =>
  flavor
    .lockRows(trx.selectFrom('acs_users').selectAll().where('workspace_id', '=', workspaceId).where('acs_user_id', '=', acsUserId))
    .executeTakeFirst()

/** Whether a row of the user's system has this id in this table (a group or entrance of another system is not the user's to reach). */
const inSystem = async (
  trx: Kysely<Database>,
  table: 'acs_access_groups' | 'acs_entrances',
  column: 'acs_access_group_id' | 'acs_entrance_id',
  id: string,
  workspaceId: string,
  acsSystemId: string,
) =>
  (await trx
    .selectFrom(table as 'acs_entrances')
    .select('acs_system_id')
    .where('workspace_id', '=', workspaceId)
    .where(column as 'acs_entrance_id', '=', id)
    .where('acs_system_id', '=', acsSystemId)
    .executeTakeFirst()) !== undefined

/**
 * Access control's reads and the writes of acs users and access groups (migrations/0016). Every
 * read narrows to the caller's scope (sql/scope.ts's acs rules) and the filter (sql/acs-filters.ts).
 */
export const acsVerbs = (engine: Engine, flavor: SqlFlavor): AcsVerbs => {
  const { db } = engine
  return {
    async getAcsSystem(scope, acsSystemId) {
      const row = await narrowAcs(db.selectFrom('acs_systems').selectAll(), 'acs_system', scope, { ids: [acsSystemId] })
        .where('workspace_id', '=', scope.workspaceId)
        .executeTakeFirst()
      return row === undefined ? undefined : toAcsSystem(row)
    },
    async listAcsSystems(scope, filter) {
      const rows = await narrowAcs(db.selectFrom('acs_systems').selectAll(), 'acs_system', scope, filter)
        .where('workspace_id', '=', scope.workspaceId)
        .orderBy('created_at', 'desc')
        .orderBy('acs_system_id', 'desc')
        .execute()
      return rows.map(toAcsSystem)
    },

    async getAcsUser(scope, acsUserId) {
      const row = await narrowAcs(db.selectFrom('acs_users').selectAll(), 'acs_user', scope, { ids: [acsUserId] })
        .where('workspace_id', '=', scope.workspaceId)
        .executeTakeFirst()
      return row === undefined ? undefined : toAcsUser(row)
    },
    listAcsUsers(scope, filter, page) {
      const query = narrowAcs(db.selectFrom('acs_users').selectAll(), 'acs_user', scope, filter).where(
        'workspace_id',
        '=',
        scope.workspaceId,
      )
      return pageOf(engine, query, 'acs_user_id', page, toAcsUser)
    },
    insertAcsUser(user, accessGroupIds, events) {
      return db.transaction().execute(async (trx) => {
        // The system's row, locked: a user never lands on a system being removed with its account.
        const system = await flavor
          .lockRows(
            trx
              .selectFrom('acs_systems')
              .select('acs_system_id')
              .where('workspace_id', '=', user.workspaceId)
              .where('acs_system_id', '=', user.acsSystemId),
          )
          .executeTakeFirst()
        if (system === undefined) return 'system_not_found'
        for (const id of accessGroupIds)
          if (!(await inSystem(trx, 'acs_access_groups', 'acs_access_group_id', id, user.workspaceId, user.acsSystemId)))
            return 'access_group_not_found'
        await trx.insertInto('acs_users').values(acsUserRow(user)).execute()
        for (const id of new Set(accessGroupIds))
          await trx
            .insertInto('acs_user_access_groups')
            .values({
              workspace_id: user.workspaceId,
              acs_system_id: user.acsSystemId,
              acs_user_id: user.acsUserId,
              acs_access_group_id: id,
              created_at: user.createdAt,
            })
            .execute()
        await recordAll(trx, events)
        return 'created'
      })
    },
    updateAcsUser(workspaceId, acsUserId, changes, events) {
      return db.transaction().execute(async (trx) => {
        if ((await lockUser(trx, flavor, workspaceId, acsUserId)) === undefined) return undefined
        const set = optional({
          full_name: changes.fullName,
          email_address: changes.emailAddress,
          phone_number: changes.phoneNumber,
          is_suspended: changes.isSuspended === undefined ? undefined : changes.isSuspended ? 1 : 0,
          access_starts_at: changes.accessStartsAt,
          access_ends_at: changes.accessEndsAt,
        })
        if (Object.keys(set).length > 0)
          await trx.updateTable('acs_users').set(set).where('workspace_id', '=', workspaceId).where('acs_user_id', '=', acsUserId).execute()
        await recordAll(trx, events)
        const row = await trx
          .selectFrom('acs_users')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('acs_user_id', '=', acsUserId)
          .executeTakeFirstOrThrow()
        return toAcsUser(row)
      })
    },
    deleteAcsUser(workspaceId, acsUserId, events) {
      return db.transaction().execute(async (trx) => {
        if ((await lockUser(trx, flavor, workspaceId, acsUserId)) === undefined) return false
        // Its memberships, grants and credentials go with it (a credential of no one opens nothing).
        const credentials = trx
          .selectFrom('acs_credentials')
          .select('acs_credential_id')
          .where('workspace_id', '=', workspaceId)
          .where('acs_user_id', '=', acsUserId)
        await trx
          .deleteFrom('acs_credential_entrances')
          .where('workspace_id', '=', workspaceId)
          .where('acs_credential_id', 'in', credentials)
          .execute()
        await trx.deleteFrom('acs_credentials').where('workspace_id', '=', workspaceId).where('acs_user_id', '=', acsUserId).execute()
        await trx
          .deleteFrom('acs_user_access_groups')
          .where('workspace_id', '=', workspaceId)
          .where('acs_user_id', '=', acsUserId)
          .execute()
        await trx.deleteFrom('acs_user_entrances').where('workspace_id', '=', workspaceId).where('acs_user_id', '=', acsUserId).execute()
        await trx.deleteFrom('acs_users').where('workspace_id', '=', workspaceId).where('acs_user_id', '=', acsUserId).execute()
        await recordAll(trx, events)
        return true
      })
    },
    changeAcsUserAccess(workspaceId, acsUserId, change: AcsAccessChange, at, events) {
      return db.transaction().execute(async (trx) => {
        const user = await lockUser(trx, flavor, workspaceId, acsUserId)
        if (user === undefined) return 'user_not_found'
        const mine = { workspace_id: workspaceId, acs_system_id: user.acs_system_id, acs_user_id: acsUserId }
        switch (change.kind) {
          case 'join_group': {
            if (
              !(await inSystem(trx, 'acs_access_groups', 'acs_access_group_id', change.acsAccessGroupId, workspaceId, user.acs_system_id))
            )
              return 'target_not_found'
            const r = await trx
              .insertInto('acs_user_access_groups')
              .values({ ...mine, acs_access_group_id: change.acsAccessGroupId, created_at: at })
              .onConflict((oc) => oc.columns(['acs_user_id', 'acs_access_group_id']).doNothing())
              .executeTakeFirst()
            if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return 'unchanged'
            break
          }
          case 'leave_group': {
            const r = await trx
              .deleteFrom('acs_user_access_groups')
              .where('acs_user_id', '=', acsUserId)
              .where('acs_access_group_id', '=', change.acsAccessGroupId)
              .executeTakeFirst()
            if (Number(r.numDeletedRows) === 0) return 'unchanged'
            break
          }
          case 'grant_entrance': {
            if (!(await inSystem(trx, 'acs_entrances', 'acs_entrance_id', change.acsEntranceId, workspaceId, user.acs_system_id)))
              return 'target_not_found'
            const r = await trx
              .insertInto('acs_user_entrances')
              .values({ ...mine, acs_entrance_id: change.acsEntranceId, created_at: at })
              .onConflict((oc) => oc.columns(['acs_user_id', 'acs_entrance_id']).doNothing())
              .executeTakeFirst()
            if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return 'unchanged'
            break
          }
          case 'revoke_all':
            await trx
              .deleteFrom('acs_user_access_groups')
              .where('workspace_id', '=', workspaceId)
              .where('acs_user_id', '=', acsUserId)
              .execute()
            await trx
              .deleteFrom('acs_user_entrances')
              .where('workspace_id', '=', workspaceId)
              .where('acs_user_id', '=', acsUserId)
              .execute()
            break
        }
        await recordAll(trx, events)
        return 'changed'
      })
    },

    async getAcsAccessGroup(scope, acsAccessGroupId) {
      const row = await narrowAcs(db.selectFrom('acs_access_groups').selectAll(), 'acs_access_group', scope, { ids: [acsAccessGroupId] })
        .where('workspace_id', '=', scope.workspaceId)
        .executeTakeFirst()
      return row === undefined ? undefined : toAcsAccessGroup(row)
    },
    async listAcsAccessGroups(scope, filter) {
      const rows = await narrowAcs(db.selectFrom('acs_access_groups').selectAll(), 'acs_access_group', scope, filter)
        .where('workspace_id', '=', scope.workspaceId)
        .orderBy('created_at', 'desc')
        .orderBy('acs_access_group_id', 'desc')
        .execute()
      return rows.map(toAcsAccessGroup)
    },
    deleteAcsAccessGroup(workspaceId, acsAccessGroupId, events) {
      return db.transaction().execute(async (trx) => {
        const deleted = await trx
          .deleteFrom('acs_access_groups')
          .where('workspace_id', '=', workspaceId)
          .where('acs_access_group_id', '=', acsAccessGroupId)
          .executeTakeFirst()
        if (Number(deleted.numDeletedRows) === 0) return false
        // Its members no longer reach its entrances through it.
        await trx
          .deleteFrom('acs_user_access_groups')
          .where('workspace_id', '=', workspaceId)
          .where('acs_access_group_id', '=', acsAccessGroupId)
          .execute()
        await trx
          .deleteFrom('acs_access_group_entrances')
          .where('workspace_id', '=', workspaceId)
          .where('acs_access_group_id', '=', acsAccessGroupId)
          .execute()
        await recordAll(trx, events)
        return true
      })
    },

    async getAcsEntrance(scope, acsEntranceId) {
      const row = await narrowAcs(db.selectFrom('acs_entrances').selectAll(), 'acs_entrance', scope, { ids: [acsEntranceId] })
        .where('workspace_id', '=', scope.workspaceId)
        .executeTakeFirst()
      return row === undefined ? undefined : toAcsEntrance(row)
    },
    listAcsEntrances(scope, filter, page) {
      const query = narrowAcs(db.selectFrom('acs_entrances').selectAll(), 'acs_entrance', scope, filter).where(
        'workspace_id',
        '=',
        scope.workspaceId,
      )
      return pageOf(engine, query, 'acs_entrance_id', page, toAcsEntrance)
    },

    async getAcsCredential(scope, acsCredentialId) {
      const row = await narrowAcs(db.selectFrom('acs_credentials').selectAll(), 'acs_credential', scope, { ids: [acsCredentialId] })
        .where('workspace_id', '=', scope.workspaceId)
        .executeTakeFirst()
      return row === undefined ? undefined : toAcsCredential(row)
    },
    listAcsCredentials(scope, filter, page) {
      const query = narrowAcs(db.selectFrom('acs_credentials').selectAll(), 'acs_credential', scope, filter).where(
        'workspace_id',
        '=',
        scope.workspaceId,
      )
      return pageOf(engine, query, 'acs_credential_id', page, toAcsCredential)
    },
  }
}
