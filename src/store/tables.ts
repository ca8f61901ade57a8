import type { ColumnType } from 'kysely'

/**
 * Table shapes as Kysely sees them. Column names are snake_case, exactly as on the wire.
 * Timestamps are written as ISO strings; SQLite keeps them as TEXT (fixed-width ISO 8601 UTC
 * sorts correctly as text), PostgreSQL as timestamptz and reads them back as Date.
 * Booleans are integers 0/1 on both, because better-sqlite3 cannot bind JS booleans.
 */
export type Timestamp = ColumnType<Date | string, string, string>
export type NullableTimestamp = ColumnType<Date | string | null, string | null, string | null>

export interface WorkspacesTable {
  workspace_id: string
  name: string
  is_sandbox: number
  created_at: Timestamp
  /** Seam's `company_name`; null reads as the workspace's name (migrations/0011). */
  company_name: ColumnType<string | null, string | null | undefined, string | null>
  /** Seam's deprecated `connect_partner_name`. */
  connect_partner_name: ColumnType<string | null, string | null | undefined, string | null>
  is_suspended: ColumnType<number, number | undefined, number>
}

export interface ApiKeysTable {
  api_key_id: string
  workspace_id: string
  token_id: string
  secret_hash: string
  name: string | null
  created_at: Timestamp
  revoked_at: NullableTimestamp
}

export interface PublishableKeysTable {
  publishable_key_id: string
  workspace_id: string
  token_id: string
  secret_hash: string
  created_at: Timestamp
  revoked_at: NullableTimestamp
}

export interface UsersTable {
  user_id: string
  email: string
  created_at: Timestamp
}

export interface WorkspaceMembersTable {
  workspace_id: string
  user_id: string
  created_at: Timestamp
}

export interface PersonalAccessTokensTable {
  personal_access_token_id: string
  user_id: string
  token_id: string
  secret_hash: string
  created_at: Timestamp
  revoked_at: NullableTimestamp
}

export interface ClientSessionsTable {
  client_session_id: string
  workspace_id: string
  token_id: string
  secret_hash: string
  token_ciphertext: string
  user_identifier_key: string | null
  user_identity_id: string | null
  customer_id: string | null
  customer_key: string | null
  created_at: Timestamp
  expires_at: Timestamp
  revoked_at: NullableTimestamp
}

export interface ClientSessionConnectedAccountsTable {
  client_session_id: string
  connected_account_id: string
}

export interface ClientSessionConnectWebviewsTable {
  client_session_id: string
  connect_webview_id: string
}

export interface ConnectedAccountsTable {
  connected_account_id: string
  workspace_id: string
  provider: string
  user_identifier_email: string | null
  display_name: string
  /** The customer the account was connected for (a webview's `customer_key`). */
  customer_key: ColumnType<string | null, string | null | undefined, string | null>
  created_at: Timestamp
  // migrations/0009: Seam's errors (JSON array) and what connected_accounts/update sets.
  errors: ColumnType<string, string | undefined, string>
  automatically_manage_new_devices: ColumnType<number, number | undefined, number>
  custom_metadata: ColumnType<string, string | undefined, string>
  /** JSON array; null: the provider's own capabilities. */
  accepted_capabilities: ColumnType<string | null, string | null | undefined, string | null>
}

export interface ConnectWebviewsTable {
  connect_webview_id: string
  workspace_id: string
  status: string
  connected_account_id: string | null
  custom_redirect_url: string | null
  custom_redirect_failure_url: string | null
  accepted_providers: string
  custom_metadata: string
  login_successful: number
  customer_key: ColumnType<string | null, string | null | undefined, string | null>
  created_at: Timestamp
  authorized_at: NullableTimestamp
  /** The provider signed in to; null until then (migration 0012). */
  selected_provider: ColumnType<string | null, string | null | undefined, string | null>
}

export interface UserIdentitiesTable {
  user_identity_id: string
  workspace_id: string
  user_identity_key: string | null
  email_address: string | null
  phone_number: string | null
  full_name: string | null
  created_at: Timestamp
  /** 0: an unmanaged identity Seam made for an access system's user (migration 0018); 1 by default. */
  is_managed: ColumnType<number, number | undefined, number>
}

export interface DevicesTable {
  device_id: string
  workspace_id: string
  connected_account_id: string
  device_type: string
  display_name: string
  properties: string
  created_at: Timestamp
  // migrations/0009: 0 once unmanaged (devices/update is_managed: false); Seam's errors as a JSON array.
  is_managed: ColumnType<number, number | undefined, number>
  errors: ColumnType<string, string | undefined, string>
  // migrations/0015: Seam's warnings as a JSON array (a thermostat's temperature_threshold_exceeded).
  warnings: ColumnType<string, string | undefined, string>
}

export interface EventsTable {
  event_id: string
  workspace_id: string
  event_type: string
  client_session_id: string | null
  connected_account_id: string | null
  connect_webview_id: string | null
  device_id: string | null
  access_code_id: string | null
  action_attempt_id: string | null
  /** JSON object of the fields one event type adds (a lock event's `method`, …). */
  details: ColumnType<string, string | undefined, string>
  created_at: Timestamp
  occurred_at: Timestamp
  /** 1 while the event's webhook deliveries are still to be made (migrations/0008), else null. */
  webhooks_pending: ColumnType<number | null, number | null | undefined, number | null>
}

export interface ActionAttemptsTable {
  action_attempt_id: string
  workspace_id: string
  device_id: string | null
  action_type: string
  status: string
  /** JSON, null until the attempt succeeds. */
  result: string | null
  /** JSON, null unless the attempt failed. */
  error: string | null
  created_at: Timestamp
}

export interface AccessCodesTable {
  access_code_id: string
  workspace_id: string
  device_id: string
  name: string | null
  code: string
  common_code_key: string | null
  starts_at: NullableTimestamp
  ends_at: NullableTimestamp
  created_at: Timestamp
}

/** A code the lock holds that was not set through the API (migrations/0010); converted, it moves to access_codes. */
export interface UnmanagedAccessCodesTable {
  access_code_id: string
  workspace_id: string
  device_id: string
  name: string | null
  code: string
  starts_at: NullableTimestamp
  ends_at: NullableTimestamp
  created_at: Timestamp
}

/** A noise sensor's threshold (migrations/0013): Seam's `noise_threshold` fields, its workspace and creation time. */
export interface NoiseThresholdsTable {
  noise_threshold_id: string
  workspace_id: string
  device_id: string
  name: string
  /** `HH:MM:SS[Time/Zone]`, as Seam writes it. */
  starts_daily_at: string
  ends_daily_at: string
  noise_threshold_decibels: number
  /** NoiseAware's Noise Risk Score; null when not given. */
  noise_threshold_nrs: number | null
  created_at: Timestamp
}

/** Which backup code was pulled for a managed code (migrations/0010). */
export interface BackupAccessCodePullsTable {
  access_code_id: string
  workspace_id: string
  backup_access_code_id: string
  created_at: Timestamp
}

export interface ServerSettingsTable {
  name: string
  value: string
}

export interface RateLimitCountersTable {
  bucket: string
  window_start: number | string
  hits: number
}

export interface WebhooksTable {
  webhook_id: string
  workspace_id: string
  url: string
  /** The signing secret, AES-256-GCM under the server's key (auth/token-cipher.ts). */
  secret_ciphertext: string
  created_at: Timestamp
}

export interface WebhookEventTypesTable {
  webhook_id: string
  /** An event type, or `*` for every type. */
  event_type: string
}

export interface WebhookDeliveriesTable {
  delivery_id: string
  webhook_id: string
  workspace_id: string
  event_id: string
  status: string
  attempts: number
  next_attempt_at: Timestamp
  lease_until: NullableTimestamp
  last_status: number | null
  last_error: string | null
  /** JSON array of `{ at, status, error, duration_ms }`, one per attempt. */
  attempt_log: string
  created_at: Timestamp
  completed_at: NullableTimestamp
}

/** A thermostat's schedule (migrations/0014); `applied_state` is Latchkey's own: pending, started or ended. */
export interface ThermostatSchedulesTable {
  thermostat_schedule_id: string
  workspace_id: string
  device_id: string
  name: string | null
  climate_preset_key: string
  starts_at: Timestamp
  ends_at: Timestamp
  is_override_allowed: number
  max_override_period_minutes: number | null
  applied_state: string
  created_at: Timestamp
}

/** A thermostat's daily program (migrations/0014); `periods` is the wire's JSON array. */
export interface ThermostatDailyProgramsTable {
  thermostat_daily_program_id: string
  workspace_id: string
  device_id: string
  name: string | null
  periods: string
  created_at: Timestamp
}

// Access control (migrations/0016_access_control): Seam's acs_* resources, phones, instant keys.
type Nullable = ColumnType<string | null, string | null | undefined, string | null>

/** An access control system a connected account holds (Seam's `acs_system`). */
export interface AcsSystemsTable {
  acs_system_id: string
  workspace_id: string
  connected_account_id: string
  name: string
  /** Seam's `external_type`, e.g. `salto_space_system`, `salto_ks_site`. */
  external_type: string
  is_credential_manager: number
  /** Seam's `location.time_zone`; null when unknown. */
  time_zone: Nullable
  created_at: Timestamp
}

/** A user of an access control system (Seam's `acs_user`); `display_name` on the wire is its full name. */
export interface AcsUsersTable {
  acs_user_id: string
  workspace_id: string
  acs_system_id: string
  connected_account_id: string
  /** The user identity the user belongs to; null for a user of the system alone. */
  user_identity_id: Nullable
  external_type: string
  full_name: Nullable
  email_address: Nullable
  phone_number: Nullable
  is_suspended: number
  /** Seam's `access_schedule`: both or neither. */
  access_starts_at: NullableTimestamp
  access_ends_at: NullableTimestamp
  created_at: Timestamp
}

export interface AcsAccessGroupsTable {
  acs_access_group_id: string
  workspace_id: string
  acs_system_id: string
  connected_account_id: string
  name: string
  external_type: string
  access_starts_at: NullableTimestamp
  access_ends_at: NullableTimestamp
  created_at: Timestamp
}

export interface AcsEntrancesTable {
  acs_entrance_id: string
  workspace_id: string
  acs_system_id: string
  connected_account_id: string
  display_name: string
  can_unlock_with_card: number
  can_unlock_with_code: number
  can_unlock_with_mobile_key: number
  can_unlock_with_cloud_key: number
  is_locked: ColumnType<number | null, number | null | undefined, number | null>
  /** JSON object of the provider's metadata fields, e.g. `{"salto_space_metadata": {...}}`. */
  provider_metadata: string
  created_at: Timestamp
}

/** An acs user's membership of an access group. */
export interface AcsUserAccessGroupsTable {
  workspace_id: string
  acs_system_id: string
  acs_user_id: string
  acs_access_group_id: string
  created_at: Timestamp
}

/** An entrance an access group opens. */
export interface AcsAccessGroupEntrancesTable {
  workspace_id: string
  acs_system_id: string
  acs_access_group_id: string
  acs_entrance_id: string
}

/** An entrance granted to an acs user directly (acs/entrances/grant_access). */
export interface AcsUserEntrancesTable {
  workspace_id: string
  acs_system_id: string
  acs_user_id: string
  acs_entrance_id: string
  created_at: Timestamp
}

/** Seam's `acs_credential`: a PIN code, card, mobile key or cloud key; unassigned while `acs_user_id` is null. */
export interface AcsCredentialsTable {
  acs_credential_id: string
  workspace_id: string
  acs_system_id: string
  connected_account_id: string
  acs_user_id: Nullable
  user_identity_id: Nullable
  display_name: string
  /** `code`, `card`, `mobile_key` or `cloud_key`. */
  access_method: string
  external_type: Nullable
  code: Nullable
  card_number: Nullable
  is_issued: number
  issued_at: NullableTimestamp
  starts_at: NullableTimestamp
  ends_at: NullableTimestamp
  is_multi_phone_sync_credential: number
  is_one_time_use: number
  parent_acs_credential_id: Nullable
  created_at: Timestamp
}

/** An entrance a credential names as its own (else it opens its acs user's entrances). */
export interface AcsCredentialEntrancesTable {
  workspace_id: string
  acs_system_id: string
  acs_credential_id: string
  acs_entrance_id: string
}

export interface AcsEncodersTable {
  acs_encoder_id: string
  workspace_id: string
  acs_system_id: string
  connected_account_id: string
  display_name: string
  created_at: Timestamp
}

/** A phone of a user identity (Seam's `phone`, a device of type ios_phone or android_phone). */
export interface PhonesTable {
  device_id: string
  workspace_id: string
  user_identity_id: string
  display_name: string
  nickname: Nullable
  device_type: string
  /** JSON objects, as on the wire. */
  custom_metadata: string
  properties: string
  created_at: Timestamp
}

/** Seam's `instant_key`: a link that opens a user identity's mobile keys through a client session. */
export interface InstantKeysTable {
  instant_key_id: string
  workspace_id: string
  user_identity_id: string
  client_session_id: string
  instant_key_url: string
  /** JSON object of Seam's `customization`, or null. */
  customization: Nullable
  customization_profile_id: Nullable
  expires_at: Timestamp
  created_at: Timestamp
}

// Card encoders' simulated next outcomes (migrations/0017_acs_credentials).
/** What a sandbox encoder does next and which card lies on it; JSON text, null when not armed. */
export interface AcsEncoderStatesTable {
  acs_encoder_id: string
  workspace_id: string
  acs_system_id: string
  next_encode: Nullable
  next_scan: Nullable
  card_acs_credential_id: Nullable
}

export interface Database {
  workspaces: WorkspacesTable
  api_keys: ApiKeysTable
  publishable_keys: PublishableKeysTable
  users: UsersTable
  workspace_members: WorkspaceMembersTable
  personal_access_tokens: PersonalAccessTokensTable
  client_sessions: ClientSessionsTable
  client_session_connected_accounts: ClientSessionConnectedAccountsTable
  client_session_connect_webviews: ClientSessionConnectWebviewsTable
  connected_accounts: ConnectedAccountsTable
  connect_webviews: ConnectWebviewsTable
  user_identities: UserIdentitiesTable
  devices: DevicesTable
  events: EventsTable
  action_attempts: ActionAttemptsTable
  access_codes: AccessCodesTable
  server_settings: ServerSettingsTable
  rate_limit_counters: RateLimitCountersTable
  webhooks: WebhooksTable
  webhook_event_types: WebhookEventTypesTable
  webhook_deliveries: WebhookDeliveriesTable
  unmanaged_access_codes: UnmanagedAccessCodesTable
  backup_access_code_pulls: BackupAccessCodePullsTable
  noise_thresholds: NoiseThresholdsTable
  thermostat_schedules: ThermostatSchedulesTable
  thermostat_daily_programs: ThermostatDailyProgramsTable
  // Access control (migrations/0016).
  acs_systems: AcsSystemsTable
  acs_users: AcsUsersTable
  acs_access_groups: AcsAccessGroupsTable
  acs_entrances: AcsEntrancesTable
  acs_user_access_groups: AcsUserAccessGroupsTable
  acs_access_group_entrances: AcsAccessGroupEntrancesTable
  acs_user_entrances: AcsUserEntrancesTable
  acs_credentials: AcsCredentialsTable
  acs_credential_entrances: AcsCredentialEntrancesTable
  acs_encoders: AcsEncodersTable
  phones: PhonesTable
  instant_keys: InstantKeysTable
  // Card encoders (migrations/0017).
  acs_encoder_states: AcsEncoderStatesTable
  // User identities' devices (migrations/0018).
  user_identity_devices: UserIdentityDevicesTable
}

/** A device granted to a user identity (user_identities/grant_access_to_device; migration 0018). */
export interface UserIdentityDevicesTable {
  workspace_id: string
  user_identity_id: string
  device_id: string
  created_at: Timestamp
}
