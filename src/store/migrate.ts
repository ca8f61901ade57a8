import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely'

import type { SqlFlavor } from './sql/flavor.ts'
import * as initial from './migrations/0001_initial.ts'
import * as scopedAccess from './migrations/0002_scoped_access.ts'
import * as scopeLookups from './migrations/0003_scope_lookups.ts'
import * as locksAndAccessCodes from './migrations/0004_locks_and_access_codes.ts'
import * as operations from './migrations/0005_operations.ts'
import * as customers from './migrations/0006_customers.ts'
import * as webhooks from './migrations/0007_webhooks.ts'
import * as webhookFanOut from './migrations/0008_webhook_fan_out.ts'
import * as deviceSimulation from './migrations/0009_device_simulation.ts'
import * as unmanagedAccessCodes from './migrations/0010_unmanaged_access_codes.ts'
import * as workspaceSettings from './migrations/0011_workspace_settings.ts'
import * as providers from './migrations/0012_providers.ts'
import * as noiseThresholds from './migrations/0013_noise_thresholds.ts'
import * as thermostatPrograms from './migrations/0014_thermostat_programs.ts'
import * as climate from './migrations/0015_climate.ts'
import * as accessControl from './migrations/0016_access_control.ts'
import * as acsCredentials from './migrations/0017_acs_credentials.ts'
// User identities' access, phones and instant keys.
import * as phones from './migrations/0018_phones.ts'

/** Ordered by name; each entry is immutable once released. */
const MIGRATIONS = {
  '0001_initial': initial,
  '0002_scoped_access': scopedAccess,
  '0003_scope_lookups': scopeLookups,
  '0004_locks_and_access_codes': locksAndAccessCodes,
  '0005_operations': operations,
  '0006_customers': customers,
  '0007_webhooks': webhooks,
  '0008_webhook_fan_out': webhookFanOut,
  '0009_device_simulation': deviceSimulation,
  '0010_unmanaged_access_codes': unmanagedAccessCodes,
  '0011_workspace_settings': workspaceSettings,
  '0012_providers': providers,
  '0013_noise_thresholds': noiseThresholds,
  '0014_thermostat_programs': thermostatPrograms,
  '0015_climate': climate,
  '0016_access_control': accessControl,
  '0017_acs_credentials': acsCredentials,
  '0018_phones': phones,
}

const providerFor = (flavor: SqlFlavor): MigrationProvider => ({
  getMigrations: async () =>
    Object.fromEntries(Object.entries(MIGRATIONS).map(([name, m]): [string, Migration] => [name, { up: (db) => m.up(db, flavor) }])),
})

/**
 * Applies pending migrations. Kysely's migrator takes a lock (an advisory lock on PostgreSQL), so
 * several servers starting at once against one database migrate it exactly once.
 */
export const migrateToLatest = async (db: Kysely<unknown>, flavor: SqlFlavor): Promise<string[]> => {
  const migrator = new Migrator({ db, provider: providerFor(flavor) })
  const { error, results = [] } = await migrator.migrateToLatest()
  if (error !== undefined) throw error instanceof Error ? error : new Error('a migration failed', { cause: error })
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
