import type { Kysely } from 'kysely'

import type { SqlFlavor } from '../sql/flavor.ts'

/**
 * Thermostats. Immutable once released.
 *
 * A device keeps Seam's `warnings` as JSON text, as it keeps its errors: a thermostat whose room
 * left its temperature threshold carries `temperature_threshold_exceeded` until it is back inside.
 * Thermostat state itself (climate setting, presets, threshold) lives in the device's properties,
 * as Seam reports it. Existing rows read as before: no warnings.
 */
export const up = async (db: Kysely<unknown>, _flavor: SqlFlavor): Promise<void> => {
  await db.schema
    .alterTable('devices')
    .addColumn('warnings', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute()
}
