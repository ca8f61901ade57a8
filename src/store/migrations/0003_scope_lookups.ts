import type { Kysely } from 'kysely'

/**
 * Devices by (account, workspace): the scope rule counts a session's devices by account and
 * checks their workspace. With only one-column indexes SQLite chose the workspace index and read
 * every device of the workspace for each session; this index answers both conditions in one
 * seek. It replaces the account-only index, which is its prefix. Immutable once released.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema.createIndex('devices_account_workspace').on('devices').columns(['connected_account_id', 'workspace_id']).execute()
  await db.schema.dropIndex('devices_connected_account').execute()
}
