import type { DeviceUpdater } from '../records.ts'
import type { Store } from '../store.ts'
import type { Engine } from './engine.ts'
import { recordEvent } from './events.ts'
import type { SqlFlavor } from './flavor.ts'
import { actionAttemptRow, toDevice } from './resource-rows.ts'

export const deviceChangeVerbs = (engine: Engine, flavor: SqlFlavor): Pick<Store, 'applyDeviceChange' | 'updateDevice'> => {
  const { db } = engine
  /**
   * Reads the device with its row locked, lets the updater decide the change, merges the
   * properties over the stored ones, stores the attempt and records the events, in one
   * transaction: two changes to one device apply in turn and neither loses the other's
   * properties. An updater that throws writes nothing.
   */
  const updateDevice = (workspaceId: string, deviceId: string, updater: DeviceUpdater) =>
    db.transaction().execute(async (trx) => {
      const query = trx.selectFrom('devices').selectAll().where('workspace_id', '=', workspaceId).where('device_id', '=', deviceId)
      const row = await flavor.lockRows(query).executeTakeFirst()
      if (row === undefined) return undefined
      const device = toDevice(row)
      const change = updater(device)
      const properties = { ...device.properties, ...change.properties }
      const warnings = change.warnings ?? device.warnings
      if (Object.keys(change.properties).length > 0 || change.warnings !== undefined) {
        await trx
          .updateTable('devices')
          .set({ properties: JSON.stringify(properties), warnings: JSON.stringify(warnings) })
          .where('workspace_id', '=', workspaceId)
          .where('device_id', '=', deviceId)
          .execute()
      }
      if (change.attempt !== undefined) await trx.insertInto('action_attempts').values(actionAttemptRow(change.attempt)).execute()
      for (const event of change.events) await recordEvent(trx, event)
      return { ...device, properties, warnings }
    })
  return {
    updateDevice,
    applyDeviceChange: ({ workspaceId, deviceId, ...change }) => updateDevice(workspaceId, deviceId, () => change),
  }
}
