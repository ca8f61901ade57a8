import type { Transaction } from 'kysely'

import type { AccessCodeWriteResult } from '../records.ts'
import type { Store } from '../store.ts'
import type { Database } from '../tables.ts'
import { recordEvent } from './events.ts'
import type { Engine } from './engine.ts'
import { narrowList } from './list-filter.ts'
import { pageOf } from './paging.ts'
import { accessCodeRow, actionAttemptRow, toAccessCode } from './resource-rows.ts'
import { inScope } from './scope.ts'
import { isUniqueViolation } from './unique-violation.ts'

type AccessCodeVerbs = Pick<
  Store,
  'insertAccessCode' | 'getAccessCode' | 'listAccessCodes' | 'updateAccessCode' | 'deleteAccessCode' | 'listCodesOnDevice' | 'renameDevice'
>

/** What an access code search looks at: its id, its name and its code. */
const ACCESS_CODE_SEARCH = ['access_code_id', 'name', 'code']

/** A write that a duplicate code on the lock refuses; the unique index decides, races included. */
const refusingDuplicates = async (write: () => Promise<AccessCodeWriteResult>): Promise<AccessCodeWriteResult> => {
  try {
    return await write()
  } catch (error) {
    if (isUniqueViolation(error)) return 'duplicate_code'
    throw error
  }
}

/**
 * Whether the lock holds this code as an unmanaged code: each table's unique index sees only its
 * own codes, and a lock holds a code once, managed or not.
 */
const heldAsUnmanaged = async (trx: Transaction<Database>, row: { workspace_id: string; device_id: string; code: string }) =>
  (await trx
    .selectFrom('unmanaged_access_codes')
    .select('access_code_id')
    .where('workspace_id', '=', row.workspace_id)
    .where('device_id', '=', row.device_id)
    .where('code', '=', row.code)
    .executeTakeFirst()) !== undefined

export const accessCodeVerbs = (engine: Engine): AccessCodeVerbs => {
  const { db } = engine
  return {
    insertAccessCode(code, write) {
      return refusingDuplicates(() =>
        db.transaction().execute(async (trx) => {
          const row = accessCodeRow(code)
          if (await heldAsUnmanaged(trx, row)) return 'duplicate_code' as const
          await trx.insertInto('access_codes').values(row).execute()
          await trx.insertInto('action_attempts').values(actionAttemptRow(write.attempt)).execute()
          await recordEvent(trx, write.event)
          return 'done' as const
        }),
      )
    },

    async getAccessCode(scope, accessCodeId) {
      const query = db
        .selectFrom('access_codes')
        .selectAll()
        .where('workspace_id', '=', scope.workspaceId)
        .where('access_code_id', '=', accessCodeId)
      const row = await inScope(query, 'access_code', scope).executeTakeFirst()
      return row && toAccessCode(row)
    },

    async listAccessCodes(scope, filter, page) {
      if (filter.accessCodeIds?.length === 0) return { items: [], hasNextPage: false }
      let query = db.selectFrom('access_codes').selectAll().where('workspace_id', '=', scope.workspaceId)
      if (filter.deviceId !== undefined) query = query.where('device_id', '=', filter.deviceId)
      if (filter.accessCodeIds !== undefined) query = query.where('access_code_id', 'in', filter.accessCodeIds)
      if (filter.code !== undefined) query = query.where('code', '=', filter.code)
      return pageOf(engine, narrowList(query, 'access_code', scope, filter, ACCESS_CODE_SEARCH), 'access_code_id', page, toAccessCode)
    },

    async listCodesOnDevice(workspaceId, deviceId) {
      const rows = await db
        .selectFrom('access_codes')
        .select('code')
        .where('workspace_id', '=', workspaceId)
        .where('device_id', '=', deviceId)
        .execute()
      return rows.map((r) => r.code)
    },

    updateAccessCode(code, write) {
      return refusingDuplicates(() =>
        db.transaction().execute(async (trx) => {
          const row = accessCodeRow(code)
          if (await heldAsUnmanaged(trx, row)) return 'duplicate_code' as const
          const updated = await trx
            .updateTable('access_codes')
            .set({ name: row.name, code: row.code, starts_at: row.starts_at, ends_at: row.ends_at })
            .where('workspace_id', '=', row.workspace_id)
            .where('access_code_id', '=', row.access_code_id)
            .executeTakeFirst()
          if (Number(updated.numUpdatedRows) === 0) return 'not_found' as const
          await trx.insertInto('action_attempts').values(actionAttemptRow(write.attempt)).execute()
          await recordEvent(trx, write.event)
          return 'done' as const
        }),
      )
    },

    deleteAccessCode(workspaceId, accessCodeId, write) {
      return db.transaction().execute(async (trx) => {
        const deleted = await trx
          .deleteFrom('access_codes')
          .where('workspace_id', '=', workspaceId)
          .where('access_code_id', '=', accessCodeId)
          .executeTakeFirst()
        if (Number(deleted.numDeletedRows) === 0) return false
        await trx.insertInto('action_attempts').values(actionAttemptRow(write.attempt)).execute()
        await recordEvent(trx, write.event)
        return true
      })
    },

    async renameDevice(workspaceId, deviceId, name) {
      const updated = await db
        .updateTable('devices')
        .set({ display_name: name })
        .where('workspace_id', '=', workspaceId)
        .where('device_id', '=', deviceId)
        .executeTakeFirst()
      return Number(updated.numUpdatedRows) > 0
    },
  }
}
