import type { Kysely, Selectable, Transaction } from 'kysely'

import type { NoiseThresholdRecord } from '../records.ts'
import type { Store } from '../store.ts'
import type { Database, NoiseThresholdsTable } from '../tables.ts'
import { lockedDevice, writeDeviceUpdate } from './device-changes.ts'
import type { Engine } from './engine.ts'
import type { SqlFlavor } from './flavor.ts'
import { toIso } from './iso-timestamps.ts'
import { actionAttemptRow } from './resource-rows.ts'

type NoiseThresholdVerbs = Pick<
  Store,
  | 'insertNoiseThreshold'
  | 'getNoiseThreshold'
  | 'listNoiseThresholds'
  | 'updateNoiseThreshold'
  | 'updateNoiseSensor'
  | 'deleteNoiseThreshold'
>

const toNoiseThreshold = (r: Selectable<NoiseThresholdsTable>): NoiseThresholdRecord => ({
  ...r,
  // PostgreSQL's double precision reads back as a number already; SQLite's REAL too. Only the time differs.
  created_at: toIso(r.created_at),
})

/** The thresholds a sign-in's new devices come with (sql/connect-webviews.ts), in its transaction. */
export const insertNoiseThresholdRows = async (trx: Transaction<Database>, thresholds: readonly NoiseThresholdRecord[]) => {
  if (thresholds.length > 0)
    await trx
      .insertInto('noise_thresholds')
      .values([...thresholds])
      .execute()
}

/** A device's thresholds, oldest first. */
const thresholdsOf = async (db: Kysely<Database>, workspaceId: string, deviceId: string): Promise<NoiseThresholdRecord[]> => {
  const rows = await db
    .selectFrom('noise_thresholds')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('device_id', '=', deviceId)
    .orderBy('created_at')
    .orderBy('noise_threshold_id')
    .execute()
  return rows.map(toNoiseThreshold)
}

export const noiseThresholdVerbs = (engine: Engine, flavor: SqlFlavor): NoiseThresholdVerbs => {
  const { db } = engine
  /** The device's row, locked, so a threshold never lands on a device being removed. */
  const lockDevice = (trx: Transaction<Database>, workspaceId: string, deviceId: string) =>
    flavor
      .lockRows(trx.selectFrom('devices').select('properties').where('workspace_id', '=', workspaceId).where('device_id', '=', deviceId))
      .executeTakeFirst()

  return {
    insertNoiseThreshold(threshold, attempt) {
      return db.transaction().execute(async (trx) => {
        if ((await lockDevice(trx, threshold.workspace_id, threshold.device_id)) === undefined) return false
        await trx.insertInto('noise_thresholds').values(threshold).execute()
        await trx.insertInto('action_attempts').values(actionAttemptRow(attempt)).execute()
        return true
      })
    },

    async getNoiseThreshold(workspaceId, noiseThresholdId) {
      const row = await db
        .selectFrom('noise_thresholds')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('noise_threshold_id', '=', noiseThresholdId)
        .executeTakeFirst()
      return row === undefined ? undefined : toNoiseThreshold(row)
    },

    listNoiseThresholds: (workspaceId, deviceId) => thresholdsOf(db, workspaceId, deviceId),

    updateNoiseThreshold(workspaceId, deviceId, noiseThresholdId, change) {
      return db.transaction().execute(async (trx) => {
        if ((await lockDevice(trx, workspaceId, deviceId)) === undefined) return undefined
        const row = await trx
          .selectFrom('noise_thresholds')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('device_id', '=', deviceId)
          .where('noise_threshold_id', '=', noiseThresholdId)
          .executeTakeFirst()
        if (row === undefined) return undefined
        const { threshold, attempt } = change(toNoiseThreshold(row))
        await trx
          .updateTable('noise_thresholds')
          .set({
            name: threshold.name,
            starts_daily_at: threshold.starts_daily_at,
            ends_daily_at: threshold.ends_daily_at,
            noise_threshold_decibels: threshold.noise_threshold_decibels,
            noise_threshold_nrs: threshold.noise_threshold_nrs,
          })
          .where('workspace_id', '=', workspaceId)
          .where('noise_threshold_id', '=', noiseThresholdId)
          .execute()
        await trx.insertInto('action_attempts').values(actionAttemptRow(attempt)).execute()
        return attempt
      })
    },

    updateNoiseSensor(workspaceId, deviceId, updater) {
      return db.transaction().execute(async (trx) => {
        const device = await lockedDevice(trx, flavor, workspaceId, deviceId)
        return device && writeDeviceUpdate(trx, device, updater(device, await thresholdsOf(trx, workspaceId, deviceId)))
      })
    },

    deleteNoiseThreshold(workspaceId, deviceId, noiseThresholdId, attempt) {
      return db.transaction().execute(async (trx) => {
        const device = await lockDevice(trx, workspaceId, deviceId)
        if (device === undefined) return false
        const deleted = await trx
          .deleteFrom('noise_thresholds')
          .where('workspace_id', '=', workspaceId)
          .where('device_id', '=', deviceId)
          .where('noise_threshold_id', '=', noiseThresholdId)
          .executeTakeFirst()
        if (Number(deleted.numDeletedRows) === 0) return false
        // A threshold that no longer exists is not triggering either: the device stops reporting it.
        const properties = JSON.parse(device.properties) as Record<string, unknown>
        const triggering = properties.currently_triggering_noise_threshold_ids
        if (Array.isArray(triggering) && triggering.includes(noiseThresholdId)) {
          const remaining = triggering.filter((id) => id !== noiseThresholdId)
          await trx
            .updateTable('devices')
            .set({ properties: JSON.stringify({ ...properties, currently_triggering_noise_threshold_ids: remaining }) })
            .where('workspace_id', '=', workspaceId)
            .where('device_id', '=', deviceId)
            .execute()
        }
        await trx.insertInto('action_attempts').values(actionAttemptRow(attempt)).execute()
        return true
      })
    },
  }
}
