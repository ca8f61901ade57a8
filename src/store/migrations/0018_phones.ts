import type { Kysely } from 'kysely'

import type { SqlFlavor } from '../sql/flavor.ts'

/**
 * User identities' own access. Immutable once released.
 * - `user_identities.is_managed`: Seam's unmanaged user identities (`user_identities/unmanaged/*`)
 *   are those Seam made itself for the acs users an access system brought in; they stay out of
 *   `user_identities/list|get` until converted (`unmanaged/update` with `is_managed: true`).
 *   Identities made through the API are managed (the default: existing rows read as before).
 * - `user_identity_devices`: the devices granted to an identity (`grant_access_to_device`), one
 *   row per pair; it goes with the identity and with the device.
 */
export const up = async (db: Kysely<unknown>, flavor: SqlFlavor): Promise<void> => {
  await db.schema
    .alterTable('user_identities')
    .addColumn('is_managed', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema
    .createTable('user_identity_devices')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('user_identity_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('created_at', flavor.timestampType, (c) => c.notNull())
    .addPrimaryKeyConstraint('user_identity_devices_pk', ['user_identity_id', 'device_id'])
    .execute()
  await db.schema
    .createIndex('user_identity_devices_of_device')
    .on('user_identity_devices')
    .columns(['workspace_id', 'device_id'])
    .execute()
}
