import type { Store } from '../store.ts'
import type { Engine } from './engine.ts'
import { recordEvent } from './events.ts'
import type { SqlFlavor } from './flavor.ts'
import { actionAttemptRow, toDevice } from './resource-rows.ts'

export const deviceChangeVerbs = (engine: Engine, flavor: SqlFlavor): Pick<Store, 'applyDeviceChange'> => {
  const { db } = engine
  return {
    /**
     * Merges the given properties over the stored ones, stores the attempt and records the events
     * in one transaction. The device row is locked as it is read (as applyLockAction does), so two
     * changes to one device apply in turn and neither loses the other's properties.
     */
    applyDeviceChange(change) {
      return db.transaction().execute(async (trx) => {
        const query = trx
          .selectFrom('devices')
          .selectAll()
          .where('workspace_id', '=', change.workspaceId)
          .where('device_id', '=', change.deviceId)
        const row = await flavor.lockRows(query).executeTakeFirst()
        if (row === undefined) return undefined
        const device = toDevice(row)
        const properties = { ...device.properties, ...change.properties }
        if (Object.keys(change.properties).length > 0) {
          await trx
            .updateTable('devices')
            .set({ properties: JSON.stringify(properties) })
            .where('workspace_id', '=', change.workspaceId)
            .where('device_id', '=', change.deviceId)
            .execute()
        }
        if (change.attempt !== undefined) await trx.insertInto('action_attempts').values(actionAttemptRow(change.attempt)).execute()
        for (const event of change.events) await recordEvent(trx, event)
        return { ...device, properties }
      })
    },
  }
}
