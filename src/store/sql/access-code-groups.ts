import type { AccessCodeWriteResult } from '../records.ts'
import type { Store } from '../store.ts'
import type { Engine } from './engine.ts'
import { recordEvent } from './events.ts'
import { accessCodeRow, actionAttemptRow, toAccessCode } from './resource-rows.ts'
import { inScope } from './scope.ts'
import { isUniqueViolation } from './unique-violation.ts'

type GroupVerbs = Pick<Store, 'insertAccessCodeGroup' | 'updateAccessCodeGroup' | 'listAccessCodesByCommonKey'>

/** Thrown inside a group's transaction to roll every write of the group back. */
class GroupAborted extends Error {
  constructor(readonly result: AccessCodeWriteResult) {
    super(result)
  }
}

const allOrNothing = async (write: () => Promise<AccessCodeWriteResult>): Promise<AccessCodeWriteResult> => {
  try {
    return await write()
  } catch (error) {
    if (error instanceof GroupAborted) return error.result
    if (isUniqueViolation(error)) return 'duplicate_code'
    throw error
  }
}

export const accessCodeGroupVerbs = (engine: Engine): GroupVerbs => {
  const { db } = engine
  return {
    insertAccessCodeGroup(items) {
      return allOrNothing(() =>
        db.transaction().execute(async (trx) => {
          for (const { code, write } of items) {
            // The lock may hold the code unmanaged: the managed table's unique index cannot see that.
            const unmanaged = await trx
              .selectFrom('unmanaged_access_codes')
              .select('access_code_id')
              .where('workspace_id', '=', code.workspaceId)
              .where('device_id', '=', code.deviceId)
              .where('code', '=', code.code)
              .executeTakeFirst()
            if (unmanaged !== undefined) throw new GroupAborted('duplicate_code')
            await trx.insertInto('access_codes').values(accessCodeRow(code)).execute()
            await trx.insertInto('action_attempts').values(actionAttemptRow(write.attempt)).execute()
            await recordEvent(trx, write.event)
          }
          return 'done' as const
        }),
      )
    },

    updateAccessCodeGroup(items) {
      return allOrNothing(() =>
        db.transaction().execute(async (trx) => {
          for (const { code, write } of items) {
            const row = accessCodeRow(code)
            const updated = await trx
              .updateTable('access_codes')
              .set({ name: row.name, starts_at: row.starts_at, ends_at: row.ends_at })
              .where('workspace_id', '=', row.workspace_id)
              .where('access_code_id', '=', row.access_code_id)
              .executeTakeFirst()
            if (Number(updated.numUpdatedRows) === 0) throw new GroupAborted('not_found')
            await trx.insertInto('action_attempts').values(actionAttemptRow(write.attempt)).execute()
            await recordEvent(trx, write.event)
          }
          return 'done' as const
        }),
      )
    },

    async listAccessCodesByCommonKey(scope, commonCodeKey) {
      const query = db
        .selectFrom('access_codes')
        .selectAll()
        .where('workspace_id', '=', scope.workspaceId)
        .where('common_code_key', '=', commonCodeKey)
        .orderBy('created_at', 'desc')
        .orderBy('access_code_id', 'desc')
      const rows = await inScope(query, 'access_code', scope).execute()
      return rows.map(toAccessCode)
    },
  }
}
