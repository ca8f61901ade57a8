import type { Kysely } from 'kysely'

import type { SqlFlavor } from '../sql/flavor.ts'

/**
 * Access control (Seam's `acs_*` resources, phones and instant keys). Immutable once released.
 * - Every `acs_*` row carries its `acs_system_id`: the rows of a system go with it (and with its
 *   connected account) by that one column (sql/acs-children.ts), join tables included.
 * - Booleans are 0/1, JSON objects are text, as elsewhere.
 * - What an acs user reaches is computed, never stored: the entrances of its access groups and of
 *   its direct grants (`acs_user_entrances`, acs/entrances/grant_access), nothing while suspended.
 * - A credential's entrances are those of its acs user, or its own rows in
 *   `acs_credential_entrances` when it names them (an unassigned or a multi-phone credential).
 * - `phones` belong to a user identity; `instant_keys` to a user identity and a client session.
 */
export const up = async (db: Kysely<unknown>, flavor: SqlFlavor): Promise<void> => {
  const ts = flavor.timestampType
  await db.schema
    .createTable('acs_systems')
    .addColumn('acs_system_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('connected_account_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('external_type', 'text', (c) => c.notNull())
    .addColumn('is_credential_manager', 'integer', (c) => c.notNull())
    .addColumn('time_zone', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('acs_systems_of_account').on('acs_systems').columns(['workspace_id', 'connected_account_id']).execute()

  await db.schema
    .createTable('acs_users')
    .addColumn('acs_user_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('acs_system_id', 'text', (c) => c.notNull())
    .addColumn('connected_account_id', 'text', (c) => c.notNull())
    .addColumn('user_identity_id', 'text')
    .addColumn('external_type', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text')
    .addColumn('email_address', 'text')
    .addColumn('phone_number', 'text')
    .addColumn('is_suspended', 'integer', (c) => c.notNull())
    .addColumn('access_starts_at', ts)
    .addColumn('access_ends_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('acs_users_of_system').on('acs_users').columns(['workspace_id', 'acs_system_id', 'created_at']).execute()
  await db.schema.createIndex('acs_users_of_identity').on('acs_users').columns(['workspace_id', 'user_identity_id']).execute()

  await db.schema
    .createTable('acs_access_groups')
    .addColumn('acs_access_group_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('acs_system_id', 'text', (c) => c.notNull())
    .addColumn('connected_account_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('external_type', 'text', (c) => c.notNull())
    .addColumn('access_starts_at', ts)
    .addColumn('access_ends_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('acs_access_groups_of_system').on('acs_access_groups').columns(['workspace_id', 'acs_system_id']).execute()

  await db.schema
    .createTable('acs_entrances')
    .addColumn('acs_entrance_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('acs_system_id', 'text', (c) => c.notNull())
    .addColumn('connected_account_id', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('can_unlock_with_card', 'integer', (c) => c.notNull())
    .addColumn('can_unlock_with_code', 'integer', (c) => c.notNull())
    .addColumn('can_unlock_with_mobile_key', 'integer', (c) => c.notNull())
    .addColumn('can_unlock_with_cloud_key', 'integer', (c) => c.notNull())
    .addColumn('is_locked', 'integer')
    // JSON object of the provider's metadata field(s), e.g. {"salto_space_metadata": {...}}.
    .addColumn('provider_metadata', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('acs_entrances_of_system').on('acs_entrances').columns(['workspace_id', 'acs_system_id']).execute()

  await db.schema
    .createTable('acs_user_access_groups')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('acs_system_id', 'text', (c) => c.notNull())
    .addColumn('acs_user_id', 'text', (c) => c.notNull())
    .addColumn('acs_access_group_id', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('acs_user_access_groups_pk', ['acs_user_id', 'acs_access_group_id'])
    .execute()
  await db.schema.createIndex('acs_user_access_groups_of_group').on('acs_user_access_groups').columns(['acs_access_group_id']).execute()

  await db.schema
    .createTable('acs_access_group_entrances')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('acs_system_id', 'text', (c) => c.notNull())
    .addColumn('acs_access_group_id', 'text', (c) => c.notNull())
    .addColumn('acs_entrance_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('acs_access_group_entrances_pk', ['acs_access_group_id', 'acs_entrance_id'])
    .execute()
  await db.schema
    .createIndex('acs_access_group_entrances_of_entrance')
    .on('acs_access_group_entrances')
    .columns(['acs_entrance_id'])
    .execute()

  await db.schema
    .createTable('acs_user_entrances')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('acs_system_id', 'text', (c) => c.notNull())
    .addColumn('acs_user_id', 'text', (c) => c.notNull())
    .addColumn('acs_entrance_id', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('acs_user_entrances_pk', ['acs_user_id', 'acs_entrance_id'])
    .execute()
  await db.schema.createIndex('acs_user_entrances_of_entrance').on('acs_user_entrances').columns(['acs_entrance_id']).execute()

  await db.schema
    .createTable('acs_credentials')
    .addColumn('acs_credential_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('acs_system_id', 'text', (c) => c.notNull())
    .addColumn('connected_account_id', 'text', (c) => c.notNull())
    .addColumn('acs_user_id', 'text')
    .addColumn('user_identity_id', 'text')
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('access_method', 'text', (c) => c.notNull())
    .addColumn('external_type', 'text')
    .addColumn('code', 'text')
    .addColumn('card_number', 'text')
    .addColumn('is_issued', 'integer', (c) => c.notNull())
    .addColumn('issued_at', ts)
    .addColumn('starts_at', ts)
    .addColumn('ends_at', ts)
    .addColumn('is_multi_phone_sync_credential', 'integer', (c) => c.notNull())
    .addColumn('is_one_time_use', 'integer', (c) => c.notNull())
    .addColumn('parent_acs_credential_id', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('acs_credentials_of_system').on('acs_credentials').columns(['workspace_id', 'acs_system_id']).execute()
  await db.schema.createIndex('acs_credentials_of_user').on('acs_credentials').columns(['workspace_id', 'acs_user_id']).execute()
  await db.schema.createIndex('acs_credentials_of_identity').on('acs_credentials').columns(['workspace_id', 'user_identity_id']).execute()

  await db.schema
    .createTable('acs_credential_entrances')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('acs_system_id', 'text', (c) => c.notNull())
    .addColumn('acs_credential_id', 'text', (c) => c.notNull())
    .addColumn('acs_entrance_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('acs_credential_entrances_pk', ['acs_credential_id', 'acs_entrance_id'])
    .execute()
  await db.schema.createIndex('acs_credential_entrances_of_entrance').on('acs_credential_entrances').columns(['acs_entrance_id']).execute()

  await db.schema
    .createTable('acs_encoders')
    .addColumn('acs_encoder_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('acs_system_id', 'text', (c) => c.notNull())
    .addColumn('connected_account_id', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('acs_encoders_of_system').on('acs_encoders').columns(['workspace_id', 'acs_system_id']).execute()

  await db.schema
    .createTable('phones')
    .addColumn('device_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('user_identity_id', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('nickname', 'text')
    .addColumn('device_type', 'text', (c) => c.notNull())
    .addColumn('custom_metadata', 'text', (c) => c.notNull())
    .addColumn('properties', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('phones_of_identity').on('phones').columns(['workspace_id', 'user_identity_id']).execute()

  await db.schema
    .createTable('instant_keys')
    .addColumn('instant_key_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('user_identity_id', 'text', (c) => c.notNull())
    .addColumn('client_session_id', 'text', (c) => c.notNull())
    .addColumn('instant_key_url', 'text', (c) => c.notNull())
    .addColumn('customization', 'text')
    .addColumn('customization_profile_id', 'text')
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('instant_keys_of_identity').on('instant_keys').columns(['workspace_id', 'user_identity_id']).execute()
}
