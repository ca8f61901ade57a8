import type { Transaction } from 'kysely'

import type { DeviceRecord, DeviceUpdate, DeviceUpdater } from '../records.ts'
import type { Store } from '../store.ts'
import type { Database } from '../tables.ts'
import type { Engine } from './engine.ts'
import { recordEvent } from './events.ts'
import type { SqlFlavor } from './flavor.ts'
import { actionAttemptRow, toDevice } from './resource-rows.ts'

/** The device, its row locked until the transaction ends, so changes to one device apply in turn. */
export const lockedDevice = async (
  trx: Transaction<Database>,
  flavor: SqlFlavor,
  workspaceId: string,
  deviceId: string,
): Promise<DeviceRecord | undefined> => {
  const query = trx.selectFrom('devices').selectAll().where('workspace_id', '=', workspaceId).where('device_id', '=', deviceId)
  const row = await flavor.lockRows(query).executeTakeFirst()
  return row === undefined ? undefined : toDevice(row)
}

/** Merges the update's properties over the device's (its warnings replaced when the update gives them), stores its attempt and records its events; answers the device as written. */
export const writeDeviceUpdate = async (trx: Transaction<Database>, device: DeviceRecord, change: DeviceUpdate): Promise<DeviceRecord> => {
  const properties = { ...device.properties, ...change.properties }
  const warnings = change.warnings ?? device.warnings
  if (Object.keys(change.properties).length > 0 || change.warnings !== undefined) {
    await trx
      .updateTable('devices')
      .set({ properties: JSON.stringify(properties), warnings: JSON.stringify(warnings) })
      .where('workspace_id', '=', device.workspaceId)
      .where('device_id', '=', device.deviceId)
      .execute()
  }
  if (change.attempt !== undefined) await trx.insertInto('action_attempts').values(actionAttemptRow(change.attempt)).execute()
  for (const event of change.events) await recordEvent(trx, event)
  return { ...device, properties, warnings }
}

export const deviceChangeVerbs = (engine: Engine, flavor: SqlFlavor): Pick<Store, 'applyDeviceChange' | 'updateDevice'> => {
  const { db } = engine
  /**
   * Reads the device with its row locked, lets the updater decide the change and writes it, in one
   * transaction: two changes to one device apply in turn and neither loses the other's
   * properties. An updater that throws writes nothing.
   */
  const updateDevice = (workspaceId: string, deviceId: string, updater: DeviceUpdater) =>
    db.transaction().execute(async (trx) => {
      const device = await lockedDevice(trx, flavor, workspaceId, deviceId)
      return device && writeDeviceUpdate(trx, device, updater(device))
    })
  return {
    updateDevice,
    applyDeviceChange: ({ workspaceId, deviceId, ...change }) => updateDevice(workspaceId, deviceId, () => change),
  }
}
