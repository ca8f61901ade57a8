import type { Kysely } from 'kysely'

import type { SqlFlavor } from '../sql/flavor.ts'

/**
 * What the simulate routes and unmanaged devices change (contract §10). Immutable once released.
 *
 * A device keeps Seam's `errors` (`device_disconnected`, `hub_disconnected`, `account_disconnected`,
 * `subscription_required`) as JSON text, and whether it is managed: an unmanaged device answers only
 * in the `devices/unmanaged/*` routes. A connected account keeps its `errors` too, and the settings
 * `connected_accounts/update` writes. Existing rows read as they did before: managed, no errors,
 * new devices managed, no metadata, the provider's capabilities (null).
 */
export const up = async (db: Kysely<unknown>, _flavor: SqlFlavor): Promise<void> => {
  await db.schema
    .alterTable('devices')
    .addColumn('is_managed', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema
    .alterTable('devices')
    .addColumn('errors', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute()
  await db.schema
    .alterTable('connected_accounts')
    .addColumn('errors', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute()
  await db.schema
    .alterTable('connected_accounts')
    .addColumn('automatically_manage_new_devices', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema
    .alterTable('connected_accounts')
    .addColumn('custom_metadata', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute()
  await db.schema.alterTable('connected_accounts').addColumn('accepted_capabilities', 'text').execute()
}
