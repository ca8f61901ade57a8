import type { Selectable, Transaction } from 'kysely'

import type { UnmanagedAccessCodeRecord } from '../records.ts'
import type { Store } from '../store.ts'
import type { Database, UnmanagedAccessCodesTable } from '../tables.ts'
import type { Engine } from './engine.ts'
import { recordEvent } from './events.ts'
import { toIso, toIsoOrNull } from './iso-timestamps.ts'
import { narrowList } from './list-filter.ts'
import { pageOf } from './paging.ts'
import { accessCodeRow, actionAttemptRow } from './resource-rows.ts'
import { inScope } from './scope.ts'
import { isUniqueViolation } from './unique-violation.ts'

type UnmanagedVerbs = Pick<
  Store,
  | 'insertUnmanagedAccessCode'
  | 'getUnmanagedAccessCode'
  | 'listUnmanagedAccessCodes'
  | 'deleteUnmanagedAccessCode'
  | 'convertUnmanagedAccessCode'
  | 'listAllCodesOnDevice'
>

/** What an unmanaged code search looks at, as Seam says: its id, its name and its code. */
const UNMANAGED_SEARCH = ['access_code_id', 'name', 'code']

const toUnmanaged = (r: Selectable<UnmanagedAccessCodesTable>): UnmanagedAccessCodeRecord => ({
  accessCodeId: r.access_code_id,
  workspaceId: r.workspace_id,
  deviceId: r.device_id,
  name: r.name,
  code: r.code,
  startsAt: toIsoOrNull(r.starts_at),
  endsAt: toIsoOrNull(r.ends_at),
  createdAt: toIso(r.created_at),
})

/** Whether the lock holds this code as a managed code (the other table's unique index cannot see it). */
const heldAsManaged = async (trx: Transaction<Database>, workspaceId: string, deviceId: string, code: string) =>
  (await trx
    .selectFrom('access_codes')
    .select('access_code_id')
    .where('workspace_id', '=', workspaceId)
    .where('device_id', '=', deviceId)
    .where('code', '=', code)
    .executeTakeFirst()) !== undefined

export const unmanagedAccessCodeVerbs = (engine: Engine): UnmanagedVerbs => {
  const { db } = engine
  return {
    async insertUnmanagedAccessCode(code, event) {
      try {
        return await db.transaction().execute(async (trx) => {
          if (await heldAsManaged(trx, code.workspaceId, code.deviceId, code.code)) return 'duplicate_code' as const
          await trx
            .insertInto('unmanaged_access_codes')
            .values({
              access_code_id: code.accessCodeId,
              workspace_id: code.workspaceId,
              device_id: code.deviceId,
              name: code.name,
              code: code.code,
              starts_at: code.startsAt,
              ends_at: code.endsAt,
              created_at: code.createdAt,
            })
            .execute()
          await recordEvent(trx, event)
          return 'done' as const
        })
      } catch (error) {
        if (isUniqueViolation(error)) return 'duplicate_code'
        throw error
      }
    },

    async getUnmanagedAccessCode(scope, accessCodeId) {
      const query = db
        .selectFrom('unmanaged_access_codes')
        .selectAll()
        .where('workspace_id', '=', scope.workspaceId)
        .where('access_code_id', '=', accessCodeId)
      const row = await inScope(query, 'access_code', scope).executeTakeFirst()
      return row && toUnmanaged(row)
    },

    async listUnmanagedAccessCodes(scope, filter, page) {
      let query = db.selectFrom('unmanaged_access_codes').selectAll().where('workspace_id', '=', scope.workspaceId)
      if (filter.deviceId !== undefined) query = query.where('device_id', '=', filter.deviceId)
      if (filter.code !== undefined) query = query.where('code', '=', filter.code)
      return pageOf(engine, narrowList(query, 'access_code', scope, filter, UNMANAGED_SEARCH), 'access_code_id', page, toUnmanaged)
    },

    deleteUnmanagedAccessCode(workspaceId, accessCodeId, write) {
      return db.transaction().execute(async (trx) => {
        const deleted = await trx
          .deleteFrom('unmanaged_access_codes')
          .where('workspace_id', '=', workspaceId)
          .where('access_code_id', '=', accessCodeId)
          .executeTakeFirst()
        if (Number(deleted.numDeletedRows) === 0) return false
        await trx.insertInto('action_attempts').values(actionAttemptRow(write.attempt)).execute()
        await recordEvent(trx, write.event)
        return true
      })
    },

    async convertUnmanagedAccessCode(managed, event) {
      try {
        return await db.transaction().execute(async (trx) => {
          const moved = await trx
            .deleteFrom('unmanaged_access_codes')
            .where('workspace_id', '=', managed.workspaceId)
            .where('access_code_id', '=', managed.accessCodeId)
            .executeTakeFirst()
          if (Number(moved.numDeletedRows) === 0) return 'not_found' as const
          await trx.insertInto('access_codes').values(accessCodeRow(managed)).execute()
          await recordEvent(trx, event)
          return 'done' as const
        })
      } catch (error) {
        // A managed code with the same code was set on the lock meanwhile.
        if (isUniqueViolation(error)) return 'duplicate_code'
        throw error
      }
    },

    async listAllCodesOnDevice(workspaceId, deviceId) {
      const managed = db.selectFrom('access_codes').select('code').where('workspace_id', '=', workspaceId).where('device_id', '=', deviceId)
      const unmanaged = db
        .selectFrom('unmanaged_access_codes')
        .select('code')
        .where('workspace_id', '=', workspaceId)
        .where('device_id', '=', deviceId)
      const rows = await managed.unionAll(unmanaged).execute()
      return rows.map((r) => r.code)
    },
  }
}
