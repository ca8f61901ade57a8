import type { Transaction } from 'kysely'

import type { ConnectedAccountRecord, DeviceChanger, DeviceRecord } from '../records.ts'
import type { Store } from '../store.ts'
import type { Database } from '../tables.ts'
import type { Engine } from './engine.ts'
import { deleteDeviceChildren } from './device-children.ts'
import { recordEvent } from './events.ts'
import type { SqlFlavor } from './flavor.ts'
import { toConnectedAccount, toDevice } from './resource-rows.ts'

type ConditionVerbs = Pick<Store, 'changeDevice' | 'changeConnectedAccount' | 'removeDevice'>

/**
 * The simulate routes' and unmanaged devices' writes: a device's or an account's condition read
 * with its row locked, changed by the sandbox's pure function (sandbox/device-conditions.ts),
 * written back with the change's events, all in one transaction, so two simulations of one
 * device apply in turn and an event is never recorded without its change (or the other way
 * round). An account is always locked before its devices.
 */
export const deviceConditionVerbs = (engine: Engine, flavor: SqlFlavor): ConditionVerbs => {
  const { db } = engine

  const lockedAccount = async (trx: Transaction<Database>, workspaceId: string, connectedAccountId: string) => {
    const query = trx
      .selectFrom('connected_accounts')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('connected_account_id', '=', connectedAccountId)
    const row = await flavor.lockRows(query).executeTakeFirst()
    return row && toConnectedAccount(row)
  }

  /** Applies `change` to one device read with its row locked, its account locked before it; answers the device as it is after. */
  const applyDeviceChange = async (
    trx: Transaction<Database>,
    device: DeviceRecord,
    account: ConnectedAccountRecord,
    change: DeviceChanger,
  ): Promise<DeviceRecord> => {
    const next = change(device, account)
    if (next === undefined) return device
    await trx
      .updateTable('devices')
      .set({
        properties: JSON.stringify(next.properties),
        is_managed: next.condition.isManaged ? 1 : 0,
        errors: JSON.stringify(next.condition.errors),
      })
      .where('workspace_id', '=', device.workspaceId)
      .where('device_id', '=', device.deviceId)
      .execute()
    for (const event of next.events) await recordEvent(trx, event)
    return { ...device, properties: next.properties, ...next.condition }
  }

  return {
    changeDevice(workspaceId, deviceId, change) {
      return db.transaction().execute(async (trx) => {
        // The account is locked before the device, as changeConnectedAccount locks them, so the two never wait on each other.
        const owner = await trx
          .selectFrom('devices')
          .select('connected_account_id')
          .where('workspace_id', '=', workspaceId)
          .where('device_id', '=', deviceId)
          .executeTakeFirst()
        if (owner === undefined) return undefined
        const account = await lockedAccount(trx, workspaceId, owner.connected_account_id)
        const query = trx
          .selectFrom('devices')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('device_id', '=', deviceId)
          .where('connected_account_id', '=', owner.connected_account_id)
        const row = await flavor.lockRows(query).executeTakeFirst()
        return row && account && applyDeviceChange(trx, toDevice(row), account, change)
      })
    },

    changeConnectedAccount(workspaceId, connectedAccountId, changeAccount, changeDevice) {
      return db.transaction().execute(async (trx) => {
        const account = await lockedAccount(trx, workspaceId, connectedAccountId)
        if (account === undefined) return undefined
        const next = changeAccount(account)
        if (next === undefined) return account
        await trx
          .updateTable('connected_accounts')
          .set({
            display_name: next.displayName,
            customer_key: next.customerKey,
            errors: JSON.stringify(next.settings.errors),
            automatically_manage_new_devices: next.settings.automaticallyManageNewDevices ? 1 : 0,
            custom_metadata: JSON.stringify(next.settings.customMetadata),
            accepted_capabilities: next.settings.acceptedCapabilities === null ? null : JSON.stringify(next.settings.acceptedCapabilities),
          })
          .where('workspace_id', '=', workspaceId)
          .where('connected_account_id', '=', connectedAccountId)
          .execute()
        for (const event of next.events) await recordEvent(trx, event)
        const changed: ConnectedAccountRecord = {
          ...account,
          displayName: next.displayName,
          customerKey: next.customerKey,
          ...next.settings,
        }
        if (changeDevice !== undefined) {
          const devices = await flavor
            .lockRows(
              trx
                .selectFrom('devices')
                .selectAll()
                .where('workspace_id', '=', workspaceId)
                .where('connected_account_id', '=', connectedAccountId)
                .orderBy('device_id'),
            )
            .execute()
          // Each device sees the account as just written (its new errors), as Seam's device events report them.
          for (const row of devices) await applyDeviceChange(trx, toDevice(row), changed, changeDevice)
        }
        return changed
      })
    },

    removeDevice(workspaceId, deviceId, eventFor) {
      return db.transaction().execute(async (trx) => {
        const query = trx.selectFrom('devices').selectAll().where('workspace_id', '=', workspaceId).where('device_id', '=', deviceId)
        const row = await flavor.lockRows(query).executeTakeFirst()
        if (row === undefined) return false
        // Its codes' backup pulls first (they name its codes), then its own rows (device-children.ts).
        const codesOfDevice = trx
          .selectFrom('access_codes')
          .select('access_code_id')
          .where('workspace_id', '=', workspaceId)
          .where('device_id', '=', deviceId)
        await trx
          .deleteFrom('backup_access_code_pulls')
          .where('workspace_id', '=', workspaceId)
          .where('access_code_id', 'in', codesOfDevice)
          .execute()
        await deleteDeviceChildren(trx, workspaceId, [deviceId])
        await trx.deleteFrom('devices').where('workspace_id', '=', workspaceId).where('device_id', '=', deviceId).execute()
        await recordEvent(trx, eventFor(toDevice(row)))
        return true
      })
    },
  }
}
