import { type Kysely, sql } from 'kysely'

import type { SqlFlavor } from '../sql/flavor.ts'

/**
 * The provider a Connect Webview was signed in to (Seam's `selected_provider`), now that a webview
 * may offer several. Webviews authorized before take their connected account's provider.
 * Immutable once released.
 */
export const up = async (db: Kysely<unknown>, _flavor: SqlFlavor): Promise<void> => {
  await db.schema.alterTable('connect_webviews').addColumn('selected_provider', 'text').execute()
  await sql`UPDATE connect_webviews SET selected_provider = (
    SELECT a.provider FROM connected_accounts a WHERE a.connected_account_id = connect_webviews.connected_account_id
  ) WHERE connected_account_id IS NOT NULL`.execute(db)
}
