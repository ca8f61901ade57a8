import { type Kysely, sql } from 'kysely'

import type { SqlFlavor } from '../sql/flavor.ts'

/** Immutable: later schema changes go in new, higher-numbered files. */
export const up = async (db: Kysely<unknown>, flavor: SqlFlavor): Promise<void> => {
  const ts = flavor.timestampType
  const credentialTable = (name: string, idColumn: string, ownerColumn: string) =>
    db.schema
      .createTable(name)
      .addColumn(idColumn, 'text', (c) => c.primaryKey())
      .addColumn(ownerColumn, 'text', (c) => c.notNull())
      .addColumn('token_id', 'text', (c) => c.notNull().unique())
      .addColumn('secret_hash', 'text', (c) => c.notNull())

  await db.schema
    .createTable('workspaces')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_sandbox', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()

  await credentialTable('api_keys', 'api_key_id', 'workspace_id')
    .addColumn('name', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('revoked_at', ts)
    .execute()
  await db.schema.createIndex('api_keys_workspace').on('api_keys').column('workspace_id').execute()

  await credentialTable('publishable_keys', 'publishable_key_id', 'workspace_id')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('revoked_at', ts)
    .execute()

  await db.schema
    .createTable('users')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('workspace_members')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('workspace_members_pk', ['workspace_id', 'user_id'])
    .execute()

  await credentialTable('personal_access_tokens', 'personal_access_token_id', 'user_id')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('revoked_at', ts)
    .execute()

  await db.schema
    .createTable('client_sessions')
    .addColumn('client_session_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('token_id', 'text', (c) => c.notNull().unique())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('token_ciphertext', 'text', (c) => c.notNull())
    .addColumn('user_identifier_key', 'text')
    .addColumn('user_identity_id', 'text')
    .addColumn('customer_id', 'text')
    .addColumn('customer_key', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('revoked_at', ts)
    .execute()
  // The arbiter of "one live session per user key": get_or_create and create insert with
  // ON CONFLICT against this index, so concurrent callers on any number of servers converge.
  await db.schema
    .createIndex('client_sessions_live_user_key')
    .on('client_sessions')
    .columns(['workspace_id', 'user_identifier_key'])
    .unique()
    .where(sql.ref('revoked_at'), 'is', null)
    .execute()
  await db.schema
    .createIndex('client_sessions_user_key')
    .on('client_sessions')
    .columns(['workspace_id', 'user_identifier_key', 'created_at'])
    .execute()
  await db.schema
    .createIndex('client_sessions_newest')
    .on('client_sessions')
    .columns(['workspace_id', 'created_at', 'client_session_id'])
    .execute()
  await db.schema.createIndex('client_sessions_user_identity').on('client_sessions').columns(['workspace_id', 'user_identity_id']).execute()

  for (const [table, column] of [
    ['client_session_connected_accounts', 'connected_account_id'],
    ['client_session_connect_webviews', 'connect_webview_id'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('client_session_id', 'text', (c) => c.notNull().references('client_sessions.client_session_id').onDelete('cascade'))
      .addColumn(column, 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['client_session_id', column])
      .execute()
    await db.schema.createIndex(`${table}_by_${column}`).on(table).column(column).execute()
  }

  await db.schema
    .createTable('connected_accounts')
    .addColumn('connected_account_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('user_identifier_email', 'text')
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('connected_accounts_workspace').on('connected_accounts').column('workspace_id').execute()

  await db.schema
    .createTable('connect_webviews')
    .addColumn('connect_webview_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('connected_account_id', 'text')
    .addColumn('custom_redirect_url', 'text')
    .addColumn('custom_redirect_failure_url', 'text')
    .addColumn('accepted_providers', 'text', (c) => c.notNull())
    .addColumn('custom_metadata', 'text', (c) => c.notNull())
    .addColumn('login_successful', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('authorized_at', ts)
    .execute()
  await db.schema.createIndex('connect_webviews_workspace').on('connect_webviews').column('workspace_id').execute()

  await db.schema
    .createTable('user_identities')
    .addColumn('user_identity_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('user_identity_key', 'text')
    .addColumn('email_address', 'text')
    .addColumn('phone_number', 'text')
    .addColumn('full_name', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('user_identities_key_unique', ['workspace_id', 'user_identity_key'])
    .execute()

  await db.schema
    .createTable('devices')
    .addColumn('device_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('connected_account_id', 'text', (c) => c.notNull())
    .addColumn('device_type', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('properties', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('devices_connected_account').on('devices').column('connected_account_id').execute()
  await db.schema.createIndex('devices_workspace').on('devices').column('workspace_id').execute()

  await db.schema
    .createTable('events')
    .addColumn('event_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('client_session_id', 'text')
    .addColumn('connected_account_id', 'text')
    .addColumn('connect_webview_id', 'text')
    .addColumn('device_id', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('occurred_at', ts, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('events_workspace_created').on('events').columns(['workspace_id', 'created_at']).execute()
}
