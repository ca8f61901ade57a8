import type {
  AcsAccessChange,
  AcsAccessGroupRecord,
  AcsCredentialRecord,
  AcsEntranceRecord,
  AcsFilter,
  AcsSystemRecord,
  AcsUserChanges,
  AcsUserRecord,
  AccessCodeFilter,
  AccessCodeGroupItem,
  DevicePropertyChange,
  NewEvent,
  UnmanagedAccessCodeFilter,
  UnmanagedAccessCodeRecord,
  AccessCodeRecord,
  AccessCodeWrite,
  AccessCodeWriteResult,
  ActionAttemptFilter,
  ActionAttemptRecord,
  ListFilter,
  ClaimedDelivery,
  DeliveryOutcome,
  DeliveryStats,
  DeliveryStatus,
  WebhookDeliveryRecord,
  WebhookRecord,
  LockAction,
  ApiKey,
  ClientSessionAuth,
  ClientSessionFilter,
  ClientSessionGrant,
  ClientSessionRecord,
  NewClientSession,
  NewConnectWebview,
  NewConnectedAccount,
  NewCredential,
  NewDevice,
  NewUserIdentity,
  Page,
  PageAfter,
  PageRequest,
  ReferencedResource,
  Scope,
  StoredCredential,
  User,
  UserIdentityFilter,
  WebviewLogin,
  WebviewLoginResult,
  Workspace,
  ConnectWebviewRecord,
  ConnectedAccountRecord,
  DeviceFilter,
  DeviceRecord,
  EventFilter,
  EventRecord,
  UserIdentityRecord,
  PublishableKey,
  PersonalAccessTokenSummary,
  WorkspaceContents,
  StoredTokenCiphertext,
  AccountChanger,
  DeviceChanger,
  DeviceUpdate,
  DeviceUpdater,
  NewWorkspace,
  WorkspaceChanges,
  NoiseThresholdChanger,
  NoiseThresholdRecord,
} from './records.ts'
import type { AcsReportedEncoder, AcsReportedEntrance } from './records.ts'
// Credentials and card encoders.
import type {
  AcsCredentialChanges,
  AcsEncodeOutcome,
  AcsEncoderFilter,
  AcsEncoderRecord,
  AcsEncoderRun,
  AcsEncoderState,
  AcsScanOutcome,
} from './records.ts'
// User identities' access, phones and instant keys.
import type { IdentityAccessChange, InstantKeyFilter, InstantKeyRecord, PhoneFilter, PhoneRecord, UserIdentityChanges } from './records.ts'
import type { ThermostatDailyProgramRecord, ThermostatScheduleRecord, ThermostatState, ThermostatUpdater } from './thermostat-records.ts'

/**
 * How a store is opened. `engineTricks: false` opens it with the plain engine (sql/engine.ts's
 * `plainEngine`): no statement cache, read memo or group commit on SQLite, no named statements
 * or shared lookups on PostgreSQL. Every answer is the same; only speed differs, which is what
 * running the test suite both ways shows.
 */
export interface OpenStoreOptions {
  engineTricks?: boolean
}

/** What `Store.clientSessionAuthNow` answers when only the asynchronous read can answer. */
export const NOT_AT_HAND: unique symbol = Symbol('not at hand')

/**
 * Everything Latchkey persists, as domain verbs. Every verb that touches tenant data takes the
 * caller's workspace id and filters by it in SQL, so no route can reach another workspace's rows.
 */
export interface Store {
  readonly flavor: 'sqlite' | 'postgres'
  migrate(): Promise<string[]>
  ping(): Promise<void>
  close(): Promise<void>

  createWorkspace(workspace: NewWorkspace): Promise<void>
  getWorkspace(workspaceId: string): Promise<Workspace | undefined>
  listWorkspaces(): Promise<Workspace[]>
  /** The workspaces a user is a member of, oldest first. */
  listWorkspacesOfUser(userId: string): Promise<Workspace[]>

  insertApiKey(key: NewCredential & { name: string | null }): Promise<void>
  listApiKeys(workspaceId: string): Promise<ApiKey[]>
  revokeApiKey(apiKeyId: string, at: string): Promise<boolean>
  findApiKey(tokenId: string): Promise<StoredCredential | undefined>
  insertPublishableKey(key: NewCredential): Promise<void>
  findPublishableKey(tokenId: string): Promise<StoredCredential | undefined>
  ensureUser(user: User, createdAt: string): Promise<User>
  addWorkspaceMember(workspaceId: string, userId: string, at: string): Promise<void>
  isWorkspaceMember(workspaceId: string, userId: string): Promise<boolean>
  insertPersonalAccessToken(token: NewCredential): Promise<void>
  findPersonalAccessToken(tokenId: string): Promise<StoredCredential | undefined>

  /**
   * Inserts unless a live session already holds the user key, and answers the session as a read
   * would give it back (its links and what they reach included); undefined when the key is held,
   * or when the session was deleted before it could be read back.
   */
  insertClientSession(session: NewClientSession): Promise<ClientSessionRecord | undefined>
  /** Many sessions in one transaction, without links or events (bulk loads, benchmarks). */
  bulkInsertClientSessions(sessions: NewClientSession[]): Promise<void>
  /** The session a client session token opens, with the hash to check the token against. */
  findClientSessionAuth(tokenId: string): Promise<ClientSessionAuth | undefined>
  /**
   * `findClientSessionAuth` answered synchronously, or NOT_AT_HAND when the store cannot answer
   * without waiting (SQLite while a transaction holds its connection): the caller then awaits
   * `findClientSessionAuth`. Absent where no answer is ever at hand (PostgreSQL; a store opened
   * without engine tricks). The one synchronous
   * read of the store: a client session token's read of its own session is the hottest request,
   * and on SQLite the answer is at hand (the read memo, or the prepared statement run at once),
   * so it need not cross a promise per layer. Nothing else in the store answers synchronously.
   */
  clientSessionAuthNow?(tokenId: string): ClientSessionAuth | undefined | typeof NOT_AT_HAND
  getClientSession(workspaceId: string, clientSessionId: string): Promise<ClientSessionRecord | undefined>
  /** The live session holding the key, or else the newest revoked one. */
  getClientSessionByUserKey(workspaceId: string, userIdentifierKey: string): Promise<ClientSessionRecord | undefined>
  listClientSessions(
    workspaceId: string,
    filter: ClientSessionFilter,
    limit: number,
    after: PageAfter | undefined,
  ): Promise<Page<ClientSessionRecord>>
  /** False when the session does not exist (it may have been deleted meanwhile): nothing changed. */
  grantClientSessionAccess(workspaceId: string, clientSessionId: string, grant: ClientSessionGrant): Promise<boolean>
  revokeClientSession(workspaceId: string, clientSessionId: string, at: string): Promise<boolean>
  deleteClientSession(workspaceId: string, clientSessionId: string, at: string): Promise<boolean>

  /** Of the given ids, those that do not exist in the workspace. */
  findMissing(workspaceId: string, resource: ReferencedResource, ids: string[]): Promise<string[]>
  insertConnectedAccount(account: NewConnectedAccount): Promise<void>
  insertConnectWebview(webview: NewConnectWebview): Promise<void>
  insertUserIdentity(identity: NewUserIdentity): Promise<void>
  /** With the settings a device comes with (a Minut sensor's default noise thresholds), in one transaction. */
  insertDevice(device: NewDevice, noiseThresholds?: readonly NoiseThresholdRecord[]): Promise<void>

  // Scoped reads (contract §5): a Scope with a client session sees only that session's scope.
  getConnectedAccount(scope: Scope, connectedAccountId: string): Promise<ConnectedAccountRecord | undefined>
  listConnectedAccounts(scope: Scope, filter: ListFilter, page: PageRequest): Promise<Page<ConnectedAccountRecord>>
  /** Also deletes its devices and removes it from every session; false when it does not exist. */
  deleteConnectedAccount(workspaceId: string, connectedAccountId: string, at: string): Promise<boolean>

  getDevice(scope: Scope, deviceId: string): Promise<DeviceRecord | undefined>
  listDevices(scope: Scope, filter: DeviceFilter, page: PageRequest): Promise<Page<DeviceRecord>>

  /** Creates the webview; with a session id it joins that session, atomically. */
  createConnectWebview(webview: NewConnectWebview, clientSessionId: string | null): Promise<void>
  getConnectWebview(scope: Scope, connectWebviewId: string): Promise<ConnectWebviewRecord | undefined>
  /** Unscoped, for the sign-in page, which is reached by its unguessable id alone. */
  findConnectWebviewForSignIn(connectWebviewId: string): Promise<{ webview: ConnectWebviewRecord; isSandbox: boolean } | undefined>
  listConnectWebviews(scope: Scope, filter: ListFilter, page: PageRequest): Promise<Page<ConnectWebviewRecord>>
  deleteConnectWebview(workspaceId: string, connectWebviewId: string): Promise<boolean>
  completeWebviewLogin(login: WebviewLogin): Promise<WebviewLoginResult>

  /** False when the workspace already has an identity with this key. */
  createUserIdentity(identity: NewUserIdentity): Promise<boolean>
  getUserIdentity(scope: Scope, userIdentityId: string): Promise<UserIdentityRecord | undefined>
  listUserIdentities(scope: Scope, filter: UserIdentityFilter, page: PageRequest): Promise<Page<UserIdentityRecord>>
  deleteUserIdentity(workspaceId: string, userIdentityId: string): Promise<boolean>

  /** Renames a device (its display name); false when it does not exist in the workspace. */
  renameDevice(workspaceId: string, deviceId: string, name: string): Promise<boolean>
  /** Applies a lock or unlock with its attempt and event; undefined when the device is gone. */
  applyLockAction(action: LockAction): Promise<DeviceRecord | undefined>
  getActionAttempt(scope: Scope, actionAttemptId: string): Promise<ActionAttemptRecord | undefined>
  listActionAttempts(scope: Scope, filter: ActionAttemptFilter, page: PageRequest): Promise<Page<ActionAttemptRecord>>

  /** 'duplicate_code' when the lock already has a code equal to this one. */
  insertAccessCode(code: AccessCodeRecord, write: AccessCodeWrite): Promise<AccessCodeWriteResult>
  getAccessCode(scope: Scope, accessCodeId: string): Promise<AccessCodeRecord | undefined>
  listAccessCodes(scope: Scope, filter: AccessCodeFilter, page: PageRequest): Promise<Page<AccessCodeRecord>>
  /** Every code on one lock, for generating one that is free. */
  listCodesOnDevice(workspaceId: string, deviceId: string): Promise<string[]>
  /** Writes the code's new name, code and times. */
  updateAccessCode(code: AccessCodeRecord, write: AccessCodeWrite): Promise<AccessCodeWriteResult>
  deleteAccessCode(workspaceId: string, accessCodeId: string, write: AccessCodeWrite): Promise<boolean>

  listEvents(scope: Scope, filter: EventFilter, page: PageRequest): Promise<Page<EventRecord>>

  // Simulated hardware, unmanaged and linked access codes (sql/device-changes.ts, sql/unmanaged-access-codes.ts, sql/access-code-groups.ts).
  /** Merges properties into a device with its attempt and events; undefined when the device is gone. */
  applyDeviceChange(change: DevicePropertyChange): Promise<DeviceRecord | undefined>
  /** As applyDeviceChange, with the change worked out from the device as read (row locked); undefined when the device is gone. */
  updateDevice(workspaceId: string, deviceId: string, updater: DeviceUpdater): Promise<DeviceRecord | undefined>
  /** 'duplicate_code' when the lock already holds this code, managed or not. */
  insertUnmanagedAccessCode(code: UnmanagedAccessCodeRecord, event: NewEvent): Promise<AccessCodeWriteResult>
  getUnmanagedAccessCode(scope: Scope, accessCodeId: string): Promise<UnmanagedAccessCodeRecord | undefined>
  listUnmanagedAccessCodes(scope: Scope, filter: UnmanagedAccessCodeFilter, page: PageRequest): Promise<Page<UnmanagedAccessCodeRecord>>
  deleteUnmanagedAccessCode(workspaceId: string, accessCodeId: string, write: AccessCodeWrite): Promise<boolean>
  /** Moves the code to the managed codes under the same id; 'not_found' when it is no longer unmanaged. */
  convertUnmanagedAccessCode(managed: AccessCodeRecord, event: NewEvent): Promise<AccessCodeWriteResult>
  /** Every code the lock holds, managed and unmanaged, for choosing one that is free. */
  listAllCodesOnDevice(workspaceId: string, deviceId: string): Promise<string[]>
  /** Inserts every code or none; 'duplicate_code' when a lock already holds one of them. */
  insertAccessCodeGroup(items: AccessCodeGroupItem[]): Promise<AccessCodeWriteResult>
  /** Writes every code's name and times or none; 'not_found' when one is gone. */
  updateAccessCodeGroup(items: AccessCodeGroupItem[]): Promise<AccessCodeWriteResult>
  /** The scope's managed codes linked by a common code key, newest first. */
  listAccessCodesByCommonKey(scope: Scope, commonCodeKey: string): Promise<AccessCodeRecord[]>
  /** The backup code pulled for a managed code, while both exist. */
  findPulledBackupAccessCode(workspaceId: string, accessCodeId: string): Promise<AccessCodeRecord | undefined>
  /** Sets the backup code on the lock and links it to its code; 'not_found' when that code is gone. */
  insertBackupAccessCode(accessCodeId: string, backup: AccessCodeRecord, event: NewEvent): Promise<AccessCodeWriteResult>

  createWebhook(webhook: Omit<WebhookRecord, 'eventTypes'>, eventTypes: string[]): Promise<void>
  getWebhook(workspaceId: string, webhookId: string): Promise<WebhookRecord | undefined>
  listWebhooks(workspaceId: string): Promise<WebhookRecord[]>
  /** False when the workspace has no such webhook. */
  setWebhookEventTypes(workspaceId: string, webhookId: string, eventTypes: string[]): Promise<boolean>
  deleteWebhook(workspaceId: string, webhookId: string): Promise<boolean>
  /** Makes the deliveries of up to `limit` events that owe them; answers how many events it took. */
  fanOutEvents(now: string, limit: number): Promise<number>
  claimDueDeliveries(now: string, leaseUntil: string, limit: number): Promise<ClaimedDelivery[]>
  /**
   * Writes the outcomes of a batch of attempts in one transaction; for each, false when the lease
   * ran out and the delivery is no longer the caller's.
   */
  finishDeliveryAttempts(finished: { claimed: ClaimedDelivery; outcome: DeliveryOutcome }[]): Promise<boolean[]>
  listDeliveries(filter: { webhookId?: string; status?: DeliveryStatus; limit: number }): Promise<WebhookDeliveryRecord[]>
  redeliver(deliveryId: string, now: string): Promise<boolean>
  deliveryStats(): Promise<DeliveryStats>

  // Operations: key management from the CLI, shared settings, key rotation, shared rate limits.
  listPublishableKeys(workspaceId: string): Promise<PublishableKey[]>
  revokePublishableKey(publishableKeyId: string, at: string): Promise<boolean>
  /** Newest first; with a workspace, the tokens of its members. */
  listPersonalAccessTokens(filter: { workspaceId?: string; email?: string }): Promise<PersonalAccessTokenSummary[]>
  revokePersonalAccessToken(personalAccessTokenId: string, at: string): Promise<boolean>
  countWorkspaceContents(workspaceId: string): Promise<WorkspaceContents>
  /** Deletes the workspace and everything in it, in one transaction; false when it does not exist. */
  deleteWorkspace(workspaceId: string): Promise<boolean>
  getSetting(name: string): Promise<string | undefined>
  /** Stores the value unless the setting exists; returns what is stored afterwards. */
  initSetting(name: string, value: string): Promise<string>
  putSetting(name: string, value: string): Promise<void>
  /** Stored tokens in id order, after the given id: a key rotation walks them in pages. */
  listTokenCiphertexts(afterClientSessionId: string | null, limit: number): Promise<StoredTokenCiphertext[]>
  /** Replaces one stored token only if it is still `expected`; false when it changed or is gone. */
  replaceTokenCiphertext(clientSessionId: string, expected: string, next: string): Promise<boolean>
  // Simulated conditions and unmanaged devices (sql/device-conditions.ts), each in one transaction.
  /**
   * Changes one device, managed or not, as `change` works out from its state read with its row
   * locked, and records the change's events; undefined when the device does not exist.
   */
  changeDevice(workspaceId: string, deviceId: string, change: DeviceChanger): Promise<DeviceRecord | undefined>
  /**
   * Changes an account as `changeAccount` works out, then each of its devices as `changeDevice`
   * does (seeing the account as changed), with every event; undefined when the account does not exist.
   */
  changeConnectedAccount(
    workspaceId: string,
    connectedAccountId: string,
    changeAccount: AccountChanger,
    changeDevice?: DeviceChanger,
  ): Promise<ConnectedAccountRecord | undefined>
  /** Deletes a device (managed or not) and its access codes, recording `eventFor(device)`; false when it does not exist. */
  removeDevice(workspaceId: string, deviceId: string, eventFor: (device: DeviceRecord) => NewEvent): Promise<boolean>
  /** Counts one request in the bucket's window and returns the count so far in that window. */
  hitRateLimit(bucket: string, windowStart: number): Promise<number>
  /** Forgets the counts of windows before this one. */
  pruneRateLimits(beforeWindowStart: number): Promise<void>

  // Workspace settings and the sandbox reset (sql/workspace-settings.ts, sql/sandbox-reset.ts).
  /** Writes the given settings; false when the workspace does not exist. */
  updateWorkspace(workspaceId: string, changes: WorkspaceChanges): Promise<boolean>
  /**
   * Removes every row of the workspace's sandbox data (sql/sandbox-reset.ts's list) and records
   * the attempt that answers the reset, in one transaction; false when the workspace does not exist.
   */
  resetSandboxWorkspace(workspaceId: string, attempt: ActionAttemptRecord): Promise<boolean>

  // Noise sensors' thresholds (sql/noise-thresholds.ts); a device's go with it.
  /** Adds the threshold to its device and records the attempt, in one transaction; false when the device is gone. */
  insertNoiseThreshold(threshold: NoiseThresholdRecord, attempt: ActionAttemptRecord): Promise<boolean>
  getNoiseThreshold(workspaceId: string, noiseThresholdId: string): Promise<NoiseThresholdRecord | undefined>
  /** A device's thresholds, oldest first. */
  listNoiseThresholds(workspaceId: string, deviceId: string): Promise<NoiseThresholdRecord[]>
  /** Writes the threshold's fields as the changer works them out from it as read (its device locked) with the attempt; undefined when it is gone. */
  updateNoiseThreshold(
    workspaceId: string,
    deviceId: string,
    noiseThresholdId: string,
    change: NoiseThresholdChanger,
  ): Promise<ActionAttemptRecord | undefined>
  /** As updateDevice, the updater also given the sensor's thresholds as read under the device's lock. */
  updateNoiseSensor(
    workspaceId: string,
    deviceId: string,
    updater: (device: DeviceRecord, thresholds: NoiseThresholdRecord[]) => DeviceUpdate,
  ): Promise<DeviceRecord | undefined>
  /** Removes the threshold (the device stops reporting it as triggering) and records the attempt; false when it is gone. */
  deleteNoiseThreshold(workspaceId: string, deviceId: string, noiseThresholdId: string, attempt: ActionAttemptRecord): Promise<boolean>
  // Thermostat schedules and daily programs (sql/thermostat-programs.ts).
  /**
   * Changes a thermostat, its schedules and daily programs as the updater works out from their
   * state read with the device row locked, with the attempt and events, in one transaction;
   * answers the state afterwards, or undefined when the device does not exist.
   */
  updateThermostat(workspaceId: string, deviceId: string, updater: ThermostatUpdater): Promise<ThermostatState | undefined>
  getThermostatSchedule(workspaceId: string, thermostatScheduleId: string): Promise<ThermostatScheduleRecord | undefined>
  /** A thermostat's schedules, oldest start first. */
  listThermostatSchedules(workspaceId: string, deviceId: string): Promise<ThermostatScheduleRecord[]>
  getThermostatDailyProgram(workspaceId: string, thermostatDailyProgramId: string): Promise<ThermostatDailyProgramRecord | undefined>
  /** Of these devices, those with a schedule that is due to start or end at `now` and has not yet. */
  findThermostatsWithDueSchedules(workspaceId: string, deviceIds: string[], now: string): Promise<string[]>

  // Access control (sql/acs-verbs.ts; migrations/0016). Reads narrow to the scope (a client session
  // sees what its user identity's acs users reach: sql/scope.ts) and to the filter (AcsFilter says
  // which relation each filter means). Writes record their events in the same transaction. What
  // belongs to a system goes with it and its connected account (sql/acs-children.ts).
  getAcsSystem(scope: Scope, acsSystemId: string): Promise<AcsSystemRecord | undefined>
  /** Newest first. Filters: connectedAccountId, customerKey, search, ids. */
  listAcsSystems(scope: Scope, filter: AcsFilter): Promise<AcsSystemRecord[]>
  getAcsUser(scope: Scope, acsUserId: string): Promise<AcsUserRecord | undefined>
  /** Filters: acsSystemId, userIdentityId, userIdentityEmailAddress/PhoneNumber, acsAccessGroupId (members), search, createdBefore, ids. */
  listAcsUsers(scope: Scope, filter: AcsFilter, page: PageRequest): Promise<Page<AcsUserRecord>>
  /** Adds the user to its system, a member of these groups (each of that system), with the events. */
  insertAcsUser(
    user: AcsUserRecord,
    accessGroupIds: string[],
    events: NewEvent[],
  ): Promise<'created' | 'system_not_found' | 'access_group_not_found'>
  /** Applies the changes (the user's row locked) and records the events; undefined when the user is gone. */
  updateAcsUser(workspaceId: string, acsUserId: string, changes: AcsUserChanges, events: NewEvent[]): Promise<AcsUserRecord | undefined>
  /** Removes the user, its memberships, direct grants and credentials, with the events; false when it is gone. */
  deleteAcsUser(workspaceId: string, acsUserId: string, events: NewEvent[]): Promise<boolean>
  /**
   * Changes what the user reaches (its row locked); the events are recorded only when something
   * changed. `target_not_found`: the group or entrance is not of the user's system.
   */
  changeAcsUserAccess(
    workspaceId: string,
    acsUserId: string,
    change: AcsAccessChange,
    at: string,
    events: NewEvent[],
  ): Promise<'changed' | 'unchanged' | 'user_not_found' | 'target_not_found'>
  getAcsAccessGroup(scope: Scope, acsAccessGroupId: string): Promise<AcsAccessGroupRecord | undefined>
  /** Newest first. Filters: acsSystemId, acsUserId (the groups it belongs to), userIdentityId, search. */
  listAcsAccessGroups(scope: Scope, filter: AcsFilter): Promise<AcsAccessGroupRecord[]>
  /** Removes the group and its memberships and entrances (its members no longer reach them through it), with the events. */
  deleteAcsAccessGroup(workspaceId: string, acsAccessGroupId: string, events: NewEvent[]): Promise<boolean>
  getAcsEntrance(scope: Scope, acsEntranceId: string): Promise<AcsEntranceRecord | undefined>
  /** Filters: acsSystemId, connectedAccountId, customerKey, acsUserId (reached), acsAccessGroupId, acsCredentialId (opened), search, ids. */
  listAcsEntrances(scope: Scope, filter: AcsFilter, page: PageRequest): Promise<Page<AcsEntranceRecord>>
  getAcsCredential(scope: Scope, acsCredentialId: string): Promise<AcsCredentialRecord | undefined>
  /** Filters: acsSystemId, acsUserId, userIdentityId, acsEntranceId (the credentials that open it), search, ids. */
  listAcsCredentials(scope: Scope, filter: AcsFilter, page: PageRequest): Promise<Page<AcsCredentialRecord>>

  // Reports of an on-premise system's entrances and encoders (sql/acs-reports.ts; acs/systems/report_devices).
  /**
   * Applies a backend's report to the system (its account's and its rows locked), in order: each
   * entrance or encoder reported is added (acs_entrance.added / acs_encoder.added) or, when its id
   * is stored, updated (its display name and provider metadata; no event); each removal deletes it
   * (acs_entrance.removed / acs_encoder.removed) with the groups' and users' grants of it, not the
   * credentials' own rows (so a credential never falls back to its user's whole reach), and is
   * nothing when it is not stored. The events are recorded in the same transaction. False when the
   * system is not in the workspace.
   */
  reportAcsDevices(
    workspaceId: string,
    acsSystemId: string,
    entrances: AcsReportedEntrance[],
    encoders: AcsReportedEncoder[],
    at: string,
  ): Promise<boolean>
  /** The system's encoders, by display name (the whole workspace's view: no scope). */
  listAcsEncodersOfSystem(workspaceId: string, acsSystemId: string): Promise<AcsEncoderRecord[]>
  // Credentials and card encoders (sql/acs-credentials.ts, sql/acs-encoders.ts; migrations/0017).
  // Client sessions only list credentials (listAcsCredentials above); these verbs take the workspace.
  /** Adds the credential and the entrances it names (each of its system), with the events. */
  insertAcsCredential(credential: AcsCredentialRecord, entranceIds: string[], events: NewEvent[]): Promise<'created' | 'entrance_not_found'>
  /** Applies the changes (the credential's row locked) and records the events; undefined when it is gone. */
  updateAcsCredential(
    workspaceId: string,
    acsCredentialId: string,
    changes: AcsCredentialChanges,
    events: NewEvent[],
  ): Promise<AcsCredentialRecord | undefined>
  /** Removes the credential and its entrances (it opens nothing more), with the events; false when it is gone. */
  deleteAcsCredential(workspaceId: string, acsCredentialId: string, events: NewEvent[]): Promise<boolean>
  getAcsEncoder(workspaceId: string, acsEncoderId: string): Promise<AcsEncoderRecord | undefined>
  /** Newest first. */
  listAcsEncoders(workspaceId: string, filter: AcsEncoderFilter, page: PageRequest): Promise<Page<AcsEncoderRecord>>
  /** Arms the encoder's next encode or scan (replacing what was armed); false when the encoder is gone. */
  armAcsEncoder(workspaceId: string, acsEncoderId: string, arm: { encode: AcsEncodeOutcome } | { scan: AcsScanOutcome }): Promise<boolean>
  /**
   * An encode or scan on the encoder, in one transaction: the encoder's state is read (its row
   * locked) and its armed outcome of that kind taken, `decide` says what happened, and the attempt,
   * the credential's changes and the events are written. An encode names the credential it writes
   * (read, locked, into the state's `target`). Undefined when the encoder is gone.
   */
  runAcsEncoder(
    workspaceId: string,
    acsEncoderId: string,
    run: { kind: 'encode'; acsCredentialId: string } | { kind: 'scan' },
    decide: (state: AcsEncoderState) => AcsEncoderRun,
  ): Promise<ActionAttemptRecord | undefined>
  /** Stores an attempt decided without the encoder (acs/entrances/unlock), with its events. */
  insertAcsActionAttempt(attempt: ActionAttemptRecord, events: NewEvent[]): Promise<void>
  // User identities' access, phones and instant keys (sql/identity-access.ts, sql/phones.ts,
  // sql/instant-keys.ts; migrations/0018). What an identity reaches is its acs users' reach
  // (sql/acs-reach.ts) and the devices granted to it. Unmanaged identities are Seam's for an
  // access system's users: getUserIdentity/listUserIdentities never answer them.
  /** Changes a managed identity; `key_in_use`: another identity of the workspace has the key. */
  updateUserIdentity(
    workspaceId: string,
    userIdentityId: string,
    changes: UserIdentityChanges,
  ): Promise<'updated' | 'not_found' | 'key_in_use'>
  getUnmanagedUserIdentity(scope: Scope, userIdentityId: string): Promise<UserIdentityRecord | undefined>
  /** Newest first. Filters: search (also by the acs system of its acs users), createdBefore. */
  listUnmanagedUserIdentities(scope: Scope, filter: ListFilter, page: PageRequest): Promise<Page<UserIdentityRecord>>
  /** Makes an unmanaged identity managed, with this key when given. */
  manageUserIdentity(scope: Scope, userIdentityId: string, key: string | undefined): Promise<'updated' | 'not_found' | 'key_in_use'>
  /** The acs user ids of each identity (its `acs_user_ids`), oldest link first. */
  acsUserIdsOfIdentities(workspaceId: string, userIdentityIds: readonly string[]): Promise<Map<string, string[]>>
  /** Links or unlinks an acs user, or grants or revokes a managed device, to a managed identity. */
  changeIdentityAccess(
    workspaceId: string,
    userIdentityId: string,
    change: IdentityAccessChange,
    at: string,
  ): Promise<'changed' | 'unchanged' | 'identity_not_found' | 'target_not_found' | 'acs_user_of_another_identity'>
  /** The managed devices granted to the identity, newest grant first. */
  listIdentityDevices(scope: Scope, userIdentityId: string): Promise<DeviceRecord[]>
  /** The entrances the identity's acs users reach (sql/acs-reach.ts), newest first. */
  listIdentityEntrances(scope: Scope, userIdentityId: string): Promise<AcsEntranceRecord[]>
  insertPhone(phone: PhoneRecord): Promise<'created' | 'identity_not_found'>
  getPhone(scope: Scope, deviceId: string): Promise<PhoneRecord | undefined>
  /** Newest first. */
  listPhones(scope: Scope, filter: PhoneFilter): Promise<PhoneRecord[]>
  /** Removes the phone with its events (phone.deactivated); false when it is gone or out of scope. */
  deactivatePhone(scope: Scope, deviceId: string, events: (phone: PhoneRecord) => NewEvent[]): Promise<boolean>
  insertInstantKey(key: InstantKeyRecord): Promise<void>
  getInstantKey(scope: Scope, by: { instantKeyId?: string; instantKeyUrl?: string }): Promise<InstantKeyRecord | undefined>
  /** Newest first. */
  listInstantKeys(scope: Scope, filter: InstantKeyFilter): Promise<InstantKeyRecord[]>
  /** Removes the key (its route then revokes the client session behind it); undefined when it is gone. */
  deleteInstantKey(workspaceId: string, instantKeyId: string): Promise<InstantKeyRecord | undefined>
}
