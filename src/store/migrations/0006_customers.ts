import type { Kysely } from 'kysely'

import type { SqlFlavor } from '../sql/flavor.ts'

/**
 * Customers, as Seam's `customer_key` associates them: a Connect Webview created for a customer
 * carries the key, and the account it connects takes it on, and with the account its devices and
 * their access codes. Immutable once released.
 */
export const up = async (db: Kysely<unknown>, _flavor: SqlFlavor): Promise<void> => {
  await db.schema.alterTable('connect_webviews').addColumn('customer_key', 'text').execute()
  await db.schema.alterTable('connected_accounts').addColumn('customer_key', 'text').execute()
  await db.schema.createIndex('connect_webviews_customer').on('connect_webviews').columns(['workspace_id', 'customer_key']).execute()
  await db.schema.createIndex('connected_accounts_customer').on('connected_accounts').columns(['workspace_id', 'customer_key']).execute()
}
