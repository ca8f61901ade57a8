import type { SelectQueryBuilder, Transaction } from 'kysely'

import type { Database } from '../tables.ts'

/**
 * The rows that belong to a device and go with it when it is removed, alone or with its account:
 * its codes, managed and not, its noise thresholds, its thermostat schedules and daily programs.
 * Its action attempts and events stay, as the record of what happened. One list, so a new kind of
 * device setting is removed by every path that removes devices.
 */
const DEVICE_CHILD_TABLES = [
  'unmanaged_access_codes',
  'noise_thresholds',
  'thermostat_schedules',
  'thermostat_daily_programs',
  'access_codes',
  // Grants of the device to user identities (migrations/0018).
  'user_identity_devices',
] as const

/** The devices whose rows go: their ids, or a query of them. */
type Devices = readonly string[] | SelectQueryBuilder<Database, 'devices', { device_id: string }>

/** Deletes the devices' own rows (DEVICE_CHILD_TABLES), in the caller's transaction, before the devices themselves. */
export const deleteDeviceChildren = async (trx: Transaction<Database>, workspaceId: string, devices: Devices): Promise<void> => {
  for (const table of DEVICE_CHILD_TABLES)
    await trx
      .deleteFrom(table)
      .where('workspace_id', '=', workspaceId)
      .where('device_id', 'in', devices as string[])
      .execute()
}
