import type { Kysely } from 'kysely'

/**
 * Indexes the scoped-access routes need. Immutable once released, like every migration.
 * - one connected account per (workspace, provider, sign-in email): the sandbox sign-in inserts
 *   with ON CONFLICT against it, so concurrent sign-ins of one person converge on one account;
 * - keyset paging (newest first) for devices, accounts, webviews, identities and events.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .createIndex('connected_accounts_identity')
    .on('connected_accounts')
    .columns(['workspace_id', 'provider', 'user_identifier_email'])
    .unique()
    .execute()
  for (const [table, id] of [
    ['connected_accounts', 'connected_account_id'],
    ['connect_webviews', 'connect_webview_id'],
    ['user_identities', 'user_identity_id'],
    ['devices', 'device_id'],
    ['events', 'event_id'],
  ] as const) {
    await db.schema.createIndex(`${table}_newest`).on(table).columns(['workspace_id', 'created_at', id]).execute()
  }
  await db.schema.createIndex('events_client_session').on('events').column('client_session_id').execute()
  await db.schema.createIndex('events_connected_account').on('events').column('connected_account_id').execute()
  await db.schema.createIndex('events_connect_webview').on('events').column('connect_webview_id').execute()
}
