import type { Kysely } from 'kysely'

import type { SqlFlavor } from '../sql/flavor.ts'

/**
 * Webhooks and their deliveries. Immutable once released.
 * - `webhooks`: where a workspace wants its events, and the signing secret, encrypted like client
 *   session tokens (never stored in plaintext);
 * - `webhook_event_types`: the event types each webhook receives, `*` for every type, so the insert
 *   that creates deliveries can match types in SQL;
 * - `webhook_deliveries`: one row per (event, webhook), written in the transaction that records the
 *   event, so an acknowledged write's events are delivered even after a crash. `lease_until` lets
 *   one instance at a time attempt a delivery; `attempt_log` (JSON) keeps each attempt's outcome.
 */
export const up = async (db: Kysely<unknown>, flavor: SqlFlavor): Promise<void> => {
  const ts = flavor.timestampType
  await db.schema
    .createTable('webhooks')
    .addColumn('webhook_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('secret_ciphertext', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('webhooks_workspace').on('webhooks').columns(['workspace_id', 'created_at', 'webhook_id']).execute()
  await db.schema
    .createTable('webhook_event_types')
    .addColumn('webhook_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('webhook_event_types_pk', ['webhook_id', 'event_type'])
    .execute()
  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('delivery_id', 'text', (c) => c.primaryKey())
    .addColumn('webhook_id', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', ts, (c) => c.notNull())
    .addColumn('lease_until', ts)
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('attempt_log', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('completed_at', ts)
    .execute()
  await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute()
  await db.schema.createIndex('webhook_deliveries_webhook').on('webhook_deliveries').columns(['webhook_id', 'created_at']).execute()
}
