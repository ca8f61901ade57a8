import type { Kysely } from 'kysely'

import type { SqlFlavor } from '../sql/flavor.ts'

/**
 * Thermostat schedules and daily programs (Seam's `thermostat_schedule` and
 * `thermostat_daily_program`), each in its own table, reached through their thermostat.
 * Immutable once released.
 * - A schedule's `starts_at` is unique on its thermostat, as Seam documents.
 * - `applied_state` is how far the thermostat has carried the schedule out (pending, started,
 *   ended): each transition is applied once, under the thermostat's row lock, by whichever request
 *   first finds it due (domain/thermostat-schedules.ts). It never goes on the wire.
 * - A daily program's `periods` is a JSON array, as on the wire.
 */
export const up = async (db: Kysely<unknown>, flavor: SqlFlavor): Promise<void> => {
  const ts = flavor.timestampType
  await db.schema
    .createTable('thermostat_schedules')
    .addColumn('thermostat_schedule_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('climate_preset_key', 'text', (c) => c.notNull())
    .addColumn('starts_at', ts, (c) => c.notNull())
    .addColumn('ends_at', ts, (c) => c.notNull())
    .addColumn('is_override_allowed', 'integer', (c) => c.notNull())
    .addColumn('max_override_period_minutes', 'integer')
    .addColumn('applied_state', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('thermostat_schedules_start_per_device', ['device_id', 'starts_at'])
    .execute()
  await db.schema.createIndex('thermostat_schedules_of_device').on('thermostat_schedules').columns(['workspace_id', 'device_id']).execute()
  await db.schema
    .createTable('thermostat_daily_programs')
    .addColumn('thermostat_daily_program_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('periods', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('thermostat_daily_programs_of_device')
    .on('thermostat_daily_programs')
    .columns(['workspace_id', 'device_id'])
    .execute()
}
