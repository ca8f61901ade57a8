import type { Store } from '../store.ts'
import { recordEvent } from './events.ts'
import type { SqlFlavor } from './flavor.ts'
import type { Engine } from './engine.ts'
import { pageOf } from './paging.ts'
import { actionAttemptRow, toActionAttempt, toDevice } from './resource-rows.ts'
import { inScope } from './scope.ts'

type ActionAttemptVerbs = Pick<Store, 'applyLockAction' | 'getActionAttempt' | 'listActionAttempts'>

export const actionAttemptVerbs = (engine: Engine, flavor: SqlFlavor): ActionAttemptVerbs => {
  const { db } = engine
  return {
    /**
     * Sets `properties.locked`, stores the attempt and records the event in one transaction. The
     * device row is locked as it is read (the flavor's `lockRows`) so two concurrent actions on
     * one lock apply in turn; the other properties are kept as they are.
     */
    applyLockAction(action) {
      return db.transaction().execute(async (trx) => {
        const query = trx
          .selectFrom('devices')
          .selectAll()
          .where('workspace_id', '=', action.workspaceId)
          .where('device_id', '=', action.deviceId)
        const row = await flavor.lockRows(query).executeTakeFirst()
        if (row === undefined) return undefined
        const device = toDevice(row)
        const properties = { ...device.properties, locked: action.locked }
        await trx
          .updateTable('devices')
          .set({ properties: JSON.stringify(properties) })
          .where('device_id', '=', action.deviceId)
          .execute()
        await trx.insertInto('action_attempts').values(actionAttemptRow(action.attempt)).execute()
        await recordEvent(trx, action.event)
        return { ...device, properties }
      })
    },

    async getActionAttempt(scope, actionAttemptId) {
      const query = db
        .selectFrom('action_attempts')
        .selectAll()
        .where('workspace_id', '=', scope.workspaceId)
        .where('action_attempt_id', '=', actionAttemptId)
      const row = await inScope(query, 'action_attempt', scope).executeTakeFirst()
      return row && toActionAttempt(row)
    },

    async listActionAttempts(scope, filter, page) {
      if (filter.actionAttemptIds?.length === 0) return { items: [], hasNextPage: false }
      let query = db.selectFrom('action_attempts').selectAll().where('workspace_id', '=', scope.workspaceId)
      if (filter.actionAttemptIds !== undefined) query = query.where('action_attempt_id', 'in', filter.actionAttemptIds)
      if (filter.deviceId !== undefined) query = query.where('device_id', '=', filter.deviceId)
      return pageOf(engine, inScope(query, 'action_attempt', scope), 'action_attempt_id', page, toActionAttempt)
    },
  }
}
