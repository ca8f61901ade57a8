import type { Kysely } from 'kysely'

import type { SqlFlavor } from '../sql/flavor.ts'

/**
 * Unmanaged access codes: codes a lock holds that were not set through the API (Seam's
 * `unmanaged_access_code`). They live in their own table, so no read of managed codes can ever
 * answer one; converting one to managed moves its row to `access_codes` under the same id.
 * Immutable once released.
 * - `(device_id, code)` is unique, as it is for managed codes: a lock never holds one code twice.
 *
 * Backup access codes: `backup_access_code_pulls` links a managed code to the backup code pulled
 * for it, so pulling again answers the same backup while it exists.
 */
export const up = async (db: Kysely<unknown>, flavor: SqlFlavor): Promise<void> => {
  const ts = flavor.timestampType
  await db.schema
    .createTable('unmanaged_access_codes')
    .addColumn('access_code_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('starts_at', ts)
    .addColumn('ends_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('unmanaged_access_codes_code_per_device', ['device_id', 'code'])
    .execute()
  await db.schema
    .createIndex('unmanaged_access_codes_newest')
    .on('unmanaged_access_codes')
    .columns(['workspace_id', 'created_at', 'access_code_id'])
    .execute()
  await db.schema
    .createTable('backup_access_code_pulls')
    .addColumn('access_code_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('backup_access_code_id', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()
}
