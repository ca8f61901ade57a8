import { type Kysely, sql } from 'kysely'

import type { SqlFlavor } from '../sql/flavor.ts'

/**
 * Events owe their webhook deliveries through a mark on the event itself. Immutable once released.
 *
 * Writing a delivery row in the transaction of every event cost the request that recorded it a
 * quarter of its throughput on SQLite (a row in a table with three indexes, one of them keyed by
 * a random id). Now the event's own INSERT sets `webhooks_pending` when its workspace has a
 * webhook: committed with the event or not at all, as durable as a delivery row, and it costs one
 * entry in a partial index that the dispatcher keeps near empty. The dispatcher turns marked
 * events into `webhook_deliveries` rows (one per matching webhook) and clears the mark in one
 * transaction of its own.
 */
export const up = async (db: Kysely<unknown>, _flavor: SqlFlavor): Promise<void> => {
  await db.schema.alterTable('events').addColumn('webhooks_pending', 'integer').execute()
  await db.schema
    .createIndex('events_webhooks_pending')
    .on('events')
    .columns(['created_at'])
    .where(sql.ref('webhooks_pending'), '=', 1)
    .execute()
}
