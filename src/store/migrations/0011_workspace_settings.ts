import type { Kysely } from 'kysely'

import type { SqlFlavor } from '../sql/flavor.ts'

/**
 * What `workspaces/create` and `workspaces/update` store beyond a name: Seam's `company_name`, its
 * deprecated `connect_partner_name`, and `is_suspended`. A workspace made before has none of the
 * names (its company name reads as its name) and is not suspended. Immutable once released.
 */
export const up = async (db: Kysely<unknown>, _flavor: SqlFlavor): Promise<void> => {
  await db.schema.alterTable('workspaces').addColumn('company_name', 'text').execute()
  await db.schema.alterTable('workspaces').addColumn('connect_partner_name', 'text').execute()
  await db.schema
    .alterTable('workspaces')
    .addColumn('is_suspended', 'integer', (col) => col.notNull().defaultTo(0))
    .execute()
}
