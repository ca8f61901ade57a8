import type { ActionType } from '../contract/action-attempt.ts'
import type { Selectable } from 'kysely'

import type {
  AccessCodesTable,
  AcsAccessGroupsTable,
  AcsCredentialsTable,
  AcsEncodersTable,
  AcsEntrancesTable,
  AcsSystemsTable,
  AcsUsersTable,
  InstantKeysTable,
  PhonesTable,
  NoiseThresholdsTable,
  ClientSessionsTable,
  ConnectedAccountsTable,
  DevicesTable,
  UnmanagedAccessCodesTable,
  UserIdentitiesTable,
} from './tables.ts'

/**
 * Domain records the store hands out: camelCase, timestamps as ISO strings. Where a record is its
 * table's row under other names, its type is derived from the table (`RecordOf`), so a column is
 * spelled once, in tables.ts; the one function per resource that maps a row to its record is in
 * sql/resource-rows.ts (client sessions: sql/client-sessions.ts, beside the link columns it reads).
 */

/** A column name as a record key: `client_session_id` → `clientSessionId`. */
type Camel<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S

/** A column's value as a record holds it: a timestamp (read back as Date or text) as ISO text. */
type RecordValue<V> = Date extends V ? Exclude<V, Date> : V

/** A table's row as a record: camelCase keys, timestamps as ISO text. */
export type RecordOf<Table> = { [K in keyof Selectable<Table> & string as Camel<K>]: RecordValue<Selectable<Table>[K]> }

export interface Workspace {
  workspaceId: string
  name: string
  isSandbox: boolean
  createdAt: string
  /** Null when none was given: the company name is then the workspace's name. */
  companyName: string | null
  connectPartnerName: string | null
  isSuspended: boolean
}

/** A workspace to create: its settings, when not given, are none (and it is not suspended). */
export type NewWorkspace = Pick<Workspace, 'workspaceId' | 'name' | 'isSandbox' | 'createdAt'> &
  Partial<Pick<Workspace, 'companyName' | 'connectPartnerName'>>

/** What `workspaces/update` changes; an absent field stays as it is. */
export type WorkspaceChanges = Partial<Pick<Workspace, 'name' | 'companyName' | 'connectPartnerName' | 'isSuspended'>>

/** A stored credential as auth needs it: who it belongs to and the hash to compare against. */
export interface StoredCredential {
  id: string
  ownerId: string
  secretHash: string
  revokedAt: string | null
}

export interface ApiKey {
  apiKeyId: string
  workspaceId: string
  /** The public part of the key (`seam_<tokenId>_…`): it tells keys apart, it opens nothing. */
  tokenId: string
  name: string | null
  createdAt: string
  revokedAt: string | null
}

export interface PublishableKey {
  publishableKeyId: string
  workspaceId: string
  /** The public part of the key, as on ApiKey. */
  tokenId: string
  createdAt: string
  revokedAt: string | null
}

export interface PersonalAccessTokenSummary {
  personalAccessTokenId: string
  /** The public part of the token, as on ApiKey. */
  tokenId: string
  userId: string
  email: string
  createdAt: string
  revokedAt: string | null
}

/** How much tenant data a workspace holds; a workspace with any is not deleted by accident. */
export interface WorkspaceContents {
  client_sessions: number
  connected_accounts: number
  devices: number
  user_identities: number
  connect_webviews: number
}

/** One stored client session token, as a key rotation reads and rewrites it. */
export interface StoredTokenCiphertext {
  clientSessionId: string
  tokenCiphertext: string
}

export interface NewCredential {
  id: string
  ownerId: string
  tokenId: string
  secretHash: string
  createdAt: string
}

export interface User {
  userId: string
  email: string
}

/** What verifying a client session token needs: the stored hash, and the session it opens. */
export interface ClientSessionAuth {
  secretHash: string
  /** The whole session, read in the same statement: a token's own session needs no second read. */
  session: ClientSessionRecord
}

/** What a session's scope was granted: its connected accounts and Connect Webviews. */
export interface SessionGrantIds {
  connectedAccountIds: string[]
  connectWebviewIds: string[]
}

/** What a session's links reach, read with its row (sql/client-sessions.ts). */
export interface SessionLinks extends SessionGrantIds {
  deviceCount: number
}

/** A client session as read: its row without the token's id and hash, and its links. */
export type ClientSessionRecord = Omit<RecordOf<ClientSessionsTable>, 'tokenId' | 'secretHash'> & SessionLinks

/** A client session to insert: its row, not yet revoked, and the ids it is granted. */
export type NewClientSession = Omit<RecordOf<ClientSessionsTable>, 'revokedAt'> & SessionGrantIds

export interface ClientSessionGrant {
  connectedAccountIds: string[]
  connectWebviewIds: string[]
  userIdentityId?: string
  expiresAt?: string
}

export interface ClientSessionFilter {
  clientSessionId?: string
  userIdentifierKey?: string
  connectWebviewId?: string
  userIdentityId?: string
  withoutUserIdentifierKey?: boolean
}

/** Keyset position: the (created_at, id) of the last row of the previous page, newest first. */
export interface PageAfter {
  createdAt: string
  id: string
}

/** One page request of a newest-first list. */
export interface PageRequest {
  limit: number
  after: PageAfter | undefined
}

/**
 * Whose eyes a read is for (contract §5): a whole workspace (API key, PAT), or one client session,
 * which sees only its scope. Every resource read of the store takes one.
 */
export interface Scope {
  workspaceId: string
  clientSessionId: string | null
}

export interface Page<T> {
  items: T[]
  hasNextPage: boolean
}

export type ReferencedResource = 'connected_account' | 'connect_webview' | 'user_identity'

/** A connected account as read; `customerKey` is the customer it was connected for, once a webview with a `customer_key` connected it. */
export type ConnectedAccountRecord = Omit<RecordOf<ConnectedAccountsTable>, keyof AccountSettings> & AccountSettings

/** A new account starts with no errors and Latchkey's defaults for what `connected_accounts/update` sets. */
export type NewConnectedAccount = Omit<ConnectedAccountRecord, 'customerKey' | keyof AccountSettings>

export interface NewConnectWebview {
  connectWebviewId: string
  workspaceId: string
  status: 'pending' | 'authorized' | 'failed'
  connectedAccountId: string | null
  customRedirectUrl: string | null
  customRedirectFailureUrl: string | null
  acceptedProviders: string[]
  customMetadata: Record<string, unknown>
  /** Seam's `customer_key`: the account this webview connects is associated with that customer. */
  customerKey?: string | null
  createdAt: string
  authorizedAt: string | null
}

/** `isManaged` false: an unmanaged identity (user_identities/unmanaged/*, migration 0018). */
export type UserIdentityRecord = Omit<RecordOf<UserIdentitiesTable>, 'isManaged'> & { isManaged: boolean }

export type NewUserIdentity = Omit<UserIdentityRecord, 'isManaged'>

/** A device as read: its row, with its properties parsed from their JSON text. */
export type DeviceRecord = Omit<RecordOf<DevicesTable>, 'properties' | 'warnings' | keyof DeviceCondition> & {
  properties: Record<string, unknown>
  /** Seam's warnings on the device, e.g. a thermostat's temperature_threshold_exceeded. */
  warnings: ResourceWarningRecord[]
} & DeviceCondition

/** A new device is managed and has no errors (migrations/0009's defaults). */
export type NewDevice = Omit<DeviceRecord, keyof DeviceCondition | 'warnings'>

export interface ConnectWebviewRecord extends NewConnectWebview {
  customerKey: string | null
  /** The provider the person signed in to (Seam's `selected_provider`); null until then. */
  selectedProvider: string | null
}

export interface UserIdentityFilter extends ListFilter {
  userIdentityIds?: string[]
  userIdentityKey?: string
}

/**
 * What every scoped list may be narrowed by, on top of the caller's own scope (Seam's common list
 * filters). Each one given must match.
 */
export interface ListFilter {
  /**
   * Only what this client session's scope reaches (the session a `user_identifier_key` holds);
   * null for a key that holds no live session, which reaches nothing.
   */
  withinSessionId?: string | null
  /** Only what belongs to this customer (Seam's `customer_key`: see migrations/0006_customers.ts). */
  customerKey?: string
  /** Created strictly before this ISO instant. */
  createdBefore?: string
  /** A case-insensitive part of the resource's id or of its names (each list says which). */
  search?: string
}

export interface DeviceFilter extends ListFilter {
  connectedAccountIds?: string[]
  deviceIds?: string[]
  deviceTypes?: string[]
  /**
   * The device's `properties.manufacturer`; a device stored without one counts as made by
   * `name` when its type is among `defaultForTypes` (its model's manufacturer).
   */
  manufacturer?: { name: string; defaultForTypes: string[] }
  /** The account a Connect Webview connected (none yet: nothing matches). */
  connectWebviewId?: string
  /** The device's name, exactly. */
  name?: string
  /** Locks only: a device type ending in `_lock` (sandbox/devices.ts's isLock). */
  locksOnly?: boolean
  /** Unmanaged devices instead of managed ones (devices/unmanaged/*). */
  unmanaged?: boolean
}

/** The resources an event may be about; the store fills those that apply. */
export interface EventSubjects {
  clientSessionId?: string
  connectedAccountId?: string
  connectWebviewId?: string
  deviceId?: string
  accessCodeId?: string
  actionAttemptId?: string
}

export interface NewEvent extends EventSubjects {
  workspaceId: string
  eventType: string
  occurredAt: string
  /** The fields this event type adds on the wire (a lock event's `method`, a deleted code's `code`). */
  details?: Record<string, unknown>
}

export interface EventRecord {
  eventId: string
  workspaceId: string
  eventType: string
  clientSessionId: string | null
  connectedAccountId: string | null
  connectWebviewId: string | null
  deviceId: string | null
  accessCodeId: string | null
  actionAttemptId: string | null
  details: Record<string, unknown>
  createdAt: string
  occurredAt: string
}

export interface EventFilter {
  eventTypes?: string[]
  since?: string
  /** Occurred at or after the first instant and at or before the second. */
  between?: readonly [string, string]
  eventIds?: string[]
  deviceIds?: string[]
  accessCodeIds?: string[]
  connectedAccountId?: string
  connectWebviewId?: string
  userIdentityId?: string
  customerKey?: string
}

/** What a successful sandbox sign-in stores: the account (reused if it exists) and its devices. */
export interface WebviewLogin {
  workspaceId: string
  connectWebviewId: string
  account: NewConnectedAccount
  devices: NewDevice[]
  /** The thresholds the new devices come with (a noise sensor's defaults); stored only with a new account's devices. */
  noiseThresholds: NoiseThresholdRecord[]
  /** The access control a new account comes with (its provider's sample systems); stored only with a new account. */
  acs: AcsSeed
  at: string
}

export type WebviewLoginResult =
  | { kind: 'authorized'; connectedAccountId: string; webview: ConnectWebviewRecord }
  | { kind: 'not_pending'; webview: ConnectWebviewRecord }
  /** The account exists and belongs to another customer than the webview's: nothing changed. */
  | { kind: 'customer_conflict'; webview: ConnectWebviewRecord }
  | { kind: 'not_found' }

export type { ActionType }

/** One request to a device and how it ended. */
export interface ActionAttemptRecord {
  actionAttemptId: string
  workspaceId: string
  deviceId: string | null
  actionType: ActionType
  status: 'pending' | 'success' | 'error'
  result: Record<string, unknown> | null
  error: { type: string; message: string } | null
  createdAt: string
}

export interface ActionAttemptFilter {
  actionAttemptIds?: string[]
  deviceId?: string
}

/** A PIN code on a lock: ongoing without times, time-bound with both. */
export type AccessCodeRecord = RecordOf<AccessCodesTable>

export interface AccessCodeFilter extends ListFilter {
  deviceId?: string
  accessCodeIds?: string[]
  code?: string
}

/** A lock or unlock, applied at once with its attempt and event (the sandbox lock answers at once). */
export interface LockAction {
  workspaceId: string
  deviceId: string
  locked: boolean
  attempt: ActionAttemptRecord
  event: NewEvent
}

/** A change to access codes, written with its attempt and event in one transaction. */
export interface AccessCodeWrite {
  attempt: ActionAttemptRecord
  event: NewEvent
}

export type AccessCodeWriteResult = 'done' | 'duplicate_code' | 'not_found'

/** Where a workspace wants its events delivered (Seam's webhook). */
export interface WebhookRecord {
  webhookId: string
  workspaceId: string
  url: string
  /** The signing secret, sealed by the token cipher; opened only to sign or to answer. */
  secretCiphertext: string
  /** Event types it receives; `*` for every type. */
  eventTypes: string[]
  createdAt: string
}

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed'

/** One attempt to deliver: the receiver's status code, or why there was none. */
export interface DeliveryAttempt {
  at: string
  status: number | null
  error: string | null
  duration_ms: number
}

export interface WebhookDeliveryRecord {
  deliveryId: string
  webhookId: string
  workspaceId: string
  eventId: string
  status: DeliveryStatus
  attempts: number
  nextAttemptAt: string
  lastStatus: number | null
  lastError: string | null
  attemptLog: DeliveryAttempt[]
  createdAt: string
  completedAt: string | null
}

/** A delivery this instance holds the lease of, with what it needs to send it. */
export interface ClaimedDelivery {
  delivery: WebhookDeliveryRecord
  leaseUntil: string
  url: string
  secretCiphertext: string
  event: EventRecord
}

/** How an attempt ended, as the dispatcher decided from the retry schedule. */
export interface DeliveryOutcome {
  attempt: DeliveryAttempt
  status: DeliveryStatus
  nextAttemptAt: string
}

export interface DeliveryStats {
  byStatus: Record<DeliveryStatus, number>
  /** Events whose deliveries the dispatcher has still to make. */
  eventsAwaitingDeliveries: number
  /** When the oldest pending delivery (or event awaiting its deliveries) was created, or null when none is. */
  oldestPendingCreatedAt: string | null
}

// Simulated conditions and unmanaged devices (migrations/0009_device_simulation.ts).

/**
 * One of Seam's resource errors as stored (the wire's own shape, like a device's `properties`):
 * `device_disconnected`, `hub_disconnected`, `account_disconnected`, `subscription_required`, …
 */
/** A warning in Seam's shape. */
export interface ResourceWarningRecord {
  warning_code: string
  message: string
  created_at: string
}

export interface ResourceErrorRecord {
  error_code: string
  message: string
  created_at: string
  is_device_error?: boolean
  is_connected_account_error?: boolean
}

/** What a device keeps beside its row's plain columns: whether it is managed, and its errors. */
export interface DeviceCondition {
  isManaged: boolean
  errors: ResourceErrorRecord[]
}

/** An account's errors and what `connected_accounts/update` sets, parsed. */
export interface AccountSettings {
  errors: ResourceErrorRecord[]
  automaticallyManageNewDevices: boolean
  customMetadata: Record<string, unknown>
  /** Null: the provider's own capabilities. */
  acceptedCapabilities: string[] | null
}

/** A device's new condition and properties, with the events recording the change. */
export interface DeviceChange {
  properties: Record<string, unknown>
  condition: DeviceCondition
  events: NewEvent[]
}

/**
 * Works out a device's change from its state as read (row locked) and its account's; undefined
 * when nothing changes. Pure: the store calls it inside its transaction.
 */
export type DeviceChanger = (device: DeviceRecord, account: ConnectedAccountRecord) => DeviceChange | undefined

/** An account's new settings, with the events recording the change. */
export interface AccountChange {
  settings: AccountSettings
  displayName: string
  customerKey: string | null
  events: NewEvent[]
}

/** As DeviceChanger, for an account; its devices are then changed by a DeviceChanger. */
export type AccountChanger = (account: ConnectedAccountRecord) => AccountChange | undefined
/** A code the lock holds that was not set through the API (Seam's unmanaged access code). */
export type UnmanagedAccessCodeRecord = RecordOf<UnmanagedAccessCodesTable>

export interface UnmanagedAccessCodeFilter extends ListFilter {
  deviceId?: string
  code?: string
}

/**
 * A change to one device, written in one transaction: properties merged over the stored ones
 * (the device row locked while it is read), an optional attempt, and the events it records.
 */
export interface DevicePropertyChange {
  workspaceId: string
  deviceId: string
  properties: Record<string, unknown>
  /** The device's warnings in place of its own; left out, they stay. */
  warnings?: ResourceWarningRecord[]
  attempt?: ActionAttemptRecord
  events: NewEvent[]
}

/**
 * The threshold's new fields and the attempt recording the change, worked out from the threshold
 * as read with its device's row locked, so two updates of different fields both hold. It may throw.
 */
export type NoiseThresholdChanger = (current: NoiseThresholdRecord) => { threshold: NoiseThresholdRecord; attempt: ActionAttemptRecord }

/** What a DeviceUpdater decides: properties to merge over the stored ones, an optional attempt, the events. */
export type DeviceUpdate = Omit<DevicePropertyChange, 'workspaceId' | 'deviceId'>

/**
 * Works out a device's change from its state as read, the row locked (a thermostat's new setting
 * from its presets, say), so two changes to one device apply in turn. It may throw an ApiError to
 * refuse: nothing is then written.
 */
export type DeviceUpdater = (device: DeviceRecord) => DeviceUpdate

/** Several managed codes written together (create_multiple, update_multiple), each with its attempt and event. */
export interface AccessCodeGroupItem {
  code: AccessCodeRecord
  write: AccessCodeWrite
}

/** A noise sensor's threshold as stored: Seam's `noise_threshold`, with its workspace and when it was made (its list order). */
export type NoiseThresholdRecord = Omit<Selectable<NoiseThresholdsTable>, 'created_at'> & { created_at: string }

// Access control (migrations/0016_access_control.ts): records of the acs_* tables, phones and instant keys.

/** Seam's `acs_system` as stored. */
export type AcsSystemRecord = Omit<RecordOf<AcsSystemsTable>, 'isCredentialManager'> & { isCredentialManager: boolean }

/** Seam's `acs_user` as stored; what it reaches is computed (store.listAcsUserEntrances). */
export type AcsUserRecord = Omit<RecordOf<AcsUsersTable>, 'isSuspended'> & { isSuspended: boolean }

export type AcsAccessGroupRecord = RecordOf<AcsAccessGroupsTable>

/** Seam's `acs_entrance` as stored; `providerMetadata` holds the wire's `<provider>_metadata` fields. */
export type AcsEntranceRecord = Omit<
  RecordOf<AcsEntrancesTable>,
  'canUnlockWithCard' | 'canUnlockWithCode' | 'canUnlockWithMobileKey' | 'canUnlockWithCloudKey' | 'isLocked' | 'providerMetadata'
> & {
  canUnlockWithCard: boolean
  canUnlockWithCode: boolean
  canUnlockWithMobileKey: boolean
  canUnlockWithCloudKey: boolean
  isLocked: boolean | null
  providerMetadata: Record<string, unknown>
}

export type AcsAccessMethod = 'code' | 'card' | 'mobile_key' | 'cloud_key'

/** Seam's `acs_credential` as stored; its entrances are computed (store.listAcsCredentialEntrances). */
export type AcsCredentialRecord = Omit<
  RecordOf<AcsCredentialsTable>,
  'accessMethod' | 'isIssued' | 'isMultiPhoneSyncCredential' | 'isOneTimeUse'
> & {
  accessMethod: AcsAccessMethod
  isIssued: boolean
  isMultiPhoneSyncCredential: boolean
  isOneTimeUse: boolean
}

export type AcsEncoderRecord = RecordOf<AcsEncodersTable>

/** Seam's `phone`, a device of a user identity. */
export type PhoneRecord = Omit<RecordOf<PhonesTable>, 'customMetadata' | 'properties'> & {
  customMetadata: Record<string, unknown>
  properties: Record<string, unknown>
}

export type InstantKeyRecord = Omit<RecordOf<InstantKeysTable>, 'customization'> & { customization: Record<string, unknown> | null }

/** Which access group a user belongs to, which entrance a group or a user or a credential reaches. */
export interface AcsUserAccessGroupLink {
  acsUserId: string
  acsAccessGroupId: string
}
export interface AcsAccessGroupEntranceLink {
  acsAccessGroupId: string
  acsEntranceId: string
}
export interface AcsCredentialEntranceLink {
  acsCredentialId: string
  acsEntranceId: string
}

/** What a sandbox provider's account holds in access control, written with the account (or created by the seed). */
export interface AcsSeed {
  systems: AcsSystemRecord[]
  entrances: AcsEntranceRecord[]
  accessGroups: AcsAccessGroupRecord[]
  accessGroupEntrances: AcsAccessGroupEntranceLink[]
  users: AcsUserRecord[]
  userAccessGroups: AcsUserAccessGroupLink[]
  credentials: AcsCredentialRecord[]
  credentialEntrances: AcsCredentialEntranceLink[]
  encoders: AcsEncoderRecord[]
}

/**
 * Narrowing of acs lists, on top of the caller's scope; each one given must match. Which filters a
 * list reads is said on its verb; the relations are the model's (sql/acs-reach.ts): an entrance
 * filtered by `acsUserId` is one the user reaches, by `acsCredentialId` one the credential opens;
 * a credential filtered by `acsEntranceId` is one that opens it; a user filtered by
 * `acsAccessGroupId` is a member, an access group filtered by `acsUserId` is one it belongs to.
 */
export interface AcsFilter {
  acsSystemId?: string
  connectedAccountId?: string
  userIdentityId?: string
  acsUserId?: string
  acsAccessGroupId?: string
  acsEntranceId?: string
  acsCredentialId?: string
  /** Only these ids of the listed resource. */
  ids?: string[]
  /** Users: of the user identity with this email address / phone number. */
  userIdentityEmailAddress?: string
  userIdentityPhoneNumber?: string
  /** Only what belongs to this customer (the connected accounts its webviews connected). */
  customerKey?: string
  search?: string
  createdBefore?: string
}

/** What acs/users/update and suspend/unsuspend change; an absent field stays. */
export type AcsUserChanges = Partial<
  Pick<AcsUserRecord, 'fullName' | 'emailAddress' | 'phoneNumber' | 'isSuspended' | 'accessStartsAt' | 'accessEndsAt'>
>

/** One change to what an acs user reaches (store.changeAcsUserAccess). */
export type AcsAccessChange =
  | { kind: 'join_group'; acsAccessGroupId: string }
  | { kind: 'leave_group'; acsAccessGroupId: string }
  | { kind: 'grant_entrance'; acsEntranceId: string }
  /** Leaves every group and drops every direct grant: the user reaches nothing. */
  | { kind: 'revoke_all' }

/**
 * One entrance or encoder of a backend's report of its on-premise system (acs/systems/report_devices,
 * store.reportAcsDevices): the record as it is to be stored (its id derived from its number, so a
 * later report names the same one), or its removal.
 */
export interface AcsReportedEntrance {
  entrance: AcsEntranceRecord
  isRemoved: boolean
}
export interface AcsReportedEncoder {
  encoder: AcsEncoderRecord
  isRemoved: boolean
}

// Credentials and card encoders (sql/acs-credentials.ts, sql/acs-encoders.ts; migrations/0017).

/** What acs/credentials/update, assign, unassign and an encode change; an absent field stays. */
export type AcsCredentialChanges = Partial<
  Pick<AcsCredentialRecord, 'acsUserId' | 'userIdentityId' | 'code' | 'cardNumber' | 'isIssued' | 'issuedAt' | 'endsAt'>
>

/** An encode armed by acs/encoders/simulate/next_credential_encode_will_*. */
export type AcsEncodeOutcome = { result: 'success' } | { result: 'error'; errorCode: string; acsCredentialId?: string }

/** A scan armed by acs/encoders/simulate/next_credential_scan_will_*. */
export type AcsScanOutcome =
  | {
      result: 'success'
      scenario:
        | 'credential_exists_on_seam'
        | 'credential_on_encoder_needs_update'
        | 'credential_does_not_exist_on_seam'
        | 'credential_on_encoder_is_empty'
      acsCredentialIdOnSeam?: string
    }
  | { result: 'error'; errorCode: string }

/** A sandbox encoder's state as an encode or scan finds it: what is armed and the credential of the card on it. */
export interface AcsEncoderState {
  nextEncode: AcsEncodeOutcome | null
  nextScan: AcsScanOutcome | null
  /** The armed scan's named credential, else the one last encoded here; undefined when none (or deleted). */
  card: AcsCredentialRecord | undefined
  /** The credential an encode writes, as read in the encode's transaction; undefined when it is gone (or for a scan). */
  target: AcsCredentialRecord | undefined
}

/** What an encode or a scan did, decided from the state: its attempt, the credential it changed, the events. */
export interface AcsEncoderRun {
  attempt: ActionAttemptRecord
  credential?: { acsCredentialId: string; changes: AcsCredentialChanges }
  /** The credential now on the encoder (an encode that succeeded). */
  cardAcsCredentialId?: string
  events: NewEvent[]
}

export interface AcsEncoderFilter {
  acsSystemIds?: string[]
  ids?: string[]
}

// User identities' access, phones and instant keys (migrations/0018).

/** What user_identities/update changes; an absent field stays, null clears. */
export type UserIdentityChanges = Partial<Pick<UserIdentityRecord, 'userIdentityKey' | 'emailAddress' | 'phoneNumber' | 'fullName'>>

/** One change to what a user identity holds. */
export type IdentityAccessChange =
  | { kind: 'add_acs_user'; acsUserId: string }
  | { kind: 'remove_acs_user'; acsUserId: string }
  | { kind: 'grant_device'; deviceId: string }
  | { kind: 'revoke_device'; deviceId: string }

export interface PhoneFilter {
  userIdentityId?: string
  /** Phones of the credential's holder (its user identity, or its acs user's): where a mobile key lands. */
  acsCredentialId?: string
}

export interface InstantKeyFilter {
  userIdentityId?: string
}
