import { type Kysely, type Transaction } from 'kysely'

import type { Store } from '../store.ts'
import type { Database } from '../tables.ts'
import { ACS_SYSTEM_CHILD_TABLES } from './acs-children.ts'
import { actionAttemptRow } from './resource-rows.ts'

type SandboxResetVerbs = Pick<Store, 'resetSandboxWorkspace'>

/** How the rows of a table that a reset clears are found: by their own workspace_id, or through their parent's. */
type Clearing = { table: keyof Database; how: (trx: Transaction<Database>, workspaceId: string) => Promise<unknown> }

const byWorkspace =
  <T extends keyof Database>(table: T) =>
  (trx: Transaction<Database>, workspaceId: string) =>
    trx
      .deleteFrom(table as 'devices')
      .where('workspace_id', '=', workspaceId)
      .execute()

const sessionsOf = (trx: Transaction<Database>, workspaceId: string) =>
  trx.selectFrom('client_sessions').select('client_session_id').where('workspace_id', '=', workspaceId)

/**
 * THE list of what `workspaces/reset_sandbox` clears (SPEC §10): every table of a workspace's
 * sandbox data, children before parents, in one transaction. A new table of tenant data belongs
 * here, or in `KEPT_BY_RESET` when it outlives a reset; test/routes/workspaces/reset-sandbox.test.ts
 * fails while a table of the schema is in neither.
 */
export const CLEARED_BY_RESET: readonly Clearing[] = [
  {
    table: 'client_session_connected_accounts',
    how: (trx, w) => trx.deleteFrom('client_session_connected_accounts').where('client_session_id', 'in', sessionsOf(trx, w)).execute(),
  },
  {
    table: 'client_session_connect_webviews',
    how: (trx, w) => trx.deleteFrom('client_session_connect_webviews').where('client_session_id', 'in', sessionsOf(trx, w)).execute(),
  },
  // Deliveries of the events that go, which would otherwise point at nothing; the webhooks stay.
  { table: 'webhook_deliveries', how: byWorkspace('webhook_deliveries') },
  { table: 'backup_access_code_pulls', how: byWorkspace('backup_access_code_pulls') },
  // What an access control system holds (one list, acs-children.ts).
  ...ACS_SYSTEM_CHILD_TABLES.map((table) => ({ table, how: byWorkspace(table) })),
  { table: 'acs_systems', how: byWorkspace('acs_systems') },
  { table: 'phones', how: byWorkspace('phones') },
  { table: 'instant_keys', how: byWorkspace('instant_keys') },
  // User identities' devices (migrations/0018).
  { table: 'user_identity_devices', how: byWorkspace('user_identity_devices') },
  { table: 'unmanaged_access_codes', how: byWorkspace('unmanaged_access_codes') },
  { table: 'thermostat_schedules', how: byWorkspace('thermostat_schedules') },
  { table: 'thermostat_daily_programs', how: byWorkspace('thermostat_daily_programs') },
  { table: 'access_codes', how: byWorkspace('access_codes') },
  { table: 'action_attempts', how: byWorkspace('action_attempts') },
  { table: 'events', how: byWorkspace('events') },
  { table: 'noise_thresholds', how: byWorkspace('noise_thresholds') },
  { table: 'devices', how: byWorkspace('devices') },
  { table: 'connect_webviews', how: byWorkspace('connect_webviews') },
  { table: 'connected_accounts', how: byWorkspace('connected_accounts') },
  { table: 'client_sessions', how: byWorkspace('client_sessions') },
  { table: 'user_identities', how: byWorkspace('user_identities') },
]

/**
 * The tables a reset leaves as they are: the workspace itself and who may use it (API keys,
 * publishable keys, members and their tokens), its webhooks, and what belongs to the server
 * rather than to a workspace.
 */
export const KEPT_BY_RESET: readonly (keyof Database)[] = [
  'workspaces',
  'api_keys',
  'publishable_keys',
  'users',
  'workspace_members',
  'personal_access_tokens',
  'webhooks',
  'webhook_event_types',
  'server_settings',
  'rate_limit_counters',
]

export const sandboxResetVerbs = (db: Kysely<Database>): SandboxResetVerbs => ({
  resetSandboxWorkspace(workspaceId, attempt) {
    return db.transaction().execute(async (trx) => {
      const exists = await trx.selectFrom('workspaces').select('workspace_id').where('workspace_id', '=', workspaceId).executeTakeFirst()
      if (exists === undefined) return false
      for (const { how } of CLEARED_BY_RESET) await how(trx, workspaceId)
      // Recorded after the clearing, so the attempt that answers the reset can be read back.
      await trx.insertInto('action_attempts').values(actionAttemptRow(attempt)).execute()
      return true
    })
  },
})
