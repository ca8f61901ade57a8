import { type Kysely, sql } from 'kysely'

import type { SqlFlavor } from '../sql/flavor.ts'

/**
 * Sandbox locks that can be driven: action attempts (lock, unlock, access code changes) and
 * access codes, plus what events about them carry. Immutable once released.
 * - `access_codes (device_id, code)` is unique, so two codes on one lock can never be equal,
 *   even when two requests race;
 * - `events.access_code_id` and `events.action_attempt_id` name what an event is about, and
 *   `events.details` (JSON) holds the few fields one event type adds (a lock event's `method`,
 *   a deleted code's `code`);
 * - `client_session.created` and `client_session.revoked` events are removed: Seam's event
 *   catalogue has neither, and events/list answers only events a Seam client knows.
 */
export const up = async (db: Kysely<unknown>, flavor: SqlFlavor): Promise<void> => {
  const ts = flavor.timestampType
  await db.schema
    .createTable('action_attempts')
    .addColumn('action_attempt_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text')
    .addColumn('action_type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('action_attempts_newest')
    .on('action_attempts')
    .columns(['workspace_id', 'created_at', 'action_attempt_id'])
    .execute()
  await db.schema.createIndex('action_attempts_device').on('action_attempts').column('device_id').execute()

  await db.schema
    .createTable('access_codes')
    .addColumn('access_code_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('common_code_key', 'text')
    .addColumn('starts_at', ts)
    .addColumn('ends_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('access_codes_code_per_device', ['device_id', 'code'])
    .execute()
  await db.schema.createIndex('access_codes_newest').on('access_codes').columns(['workspace_id', 'created_at', 'access_code_id']).execute()

  await db.schema.alterTable('events').addColumn('access_code_id', 'text').execute()
  await db.schema.alterTable('events').addColumn('action_attempt_id', 'text').execute()
  await db.schema
    .alterTable('events')
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute()
  await sql`DELETE FROM events WHERE event_type IN ('client_session.created', 'client_session.revoked')`.execute(db)
}
