import type { Kysely } from 'kysely'

import type { SqlFlavor } from '../sql/flavor.ts'

/**
 * Noise thresholds: the levels of noise a noise sensor tolerates, each for a daily window (Seam's
 * `noise_threshold`). A threshold belongs to one device and goes with it (its removal, its
 * account's, its workspace's). Immutable once released.
 */
export const up = async (db: Kysely<unknown>, flavor: SqlFlavor): Promise<void> => {
  const ts = flavor.timestampType
  await db.schema
    .createTable('noise_thresholds')
    .addColumn('noise_threshold_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('starts_daily_at', 'text', (c) => c.notNull())
    .addColumn('ends_daily_at', 'text', (c) => c.notNull())
    .addColumn('noise_threshold_decibels', 'double precision', (c) => c.notNull())
    .addColumn('noise_threshold_nrs', 'double precision')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()
  // A device's thresholds, in the order they were made: what noise_thresholds/list reads.
  await db.schema
    .createIndex('noise_thresholds_of_device')
    .on('noise_thresholds')
    .columns(['workspace_id', 'device_id', 'created_at', 'noise_threshold_id'])
    .execute()
}
