import type { Selectable } from 'kysely'

import { toIso, toIsoOrNull } from './iso-timestamps.ts'
import type {
  AccessCodeRecord,
  ActionAttemptRecord,
  ActionType,
  ConnectWebviewRecord,
  ConnectedAccountRecord,
  DeviceRecord,
  EventRecord,
  ResourceErrorRecord,
  ResourceWarningRecord,
  UserIdentityRecord,
  Workspace,
} from '../records.ts'
import type {
  AccessCodesTable,
  ActionAttemptsTable,
  ConnectWebviewsTable,
  ConnectedAccountsTable,
  DevicesTable,
  EventsTable,
  UserIdentitiesTable,
  WorkspacesTable,
} from '../tables.ts'

/** Rows of the scoped resources to domain records: camelCase, ISO timestamps, parsed JSON. */
export const toConnectedAccount = (r: Selectable<ConnectedAccountsTable>): ConnectedAccountRecord => ({
  connectedAccountId: r.connected_account_id,
  workspaceId: r.workspace_id,
  provider: r.provider,
  userIdentifierEmail: r.user_identifier_email,
  displayName: r.display_name,
  customerKey: r.customer_key,
  createdAt: toIso(r.created_at),
  errors: JSON.parse(r.errors) as ResourceErrorRecord[],
  automaticallyManageNewDevices: r.automatically_manage_new_devices === 1,
  customMetadata: JSON.parse(r.custom_metadata) as Record<string, unknown>,
  acceptedCapabilities: r.accepted_capabilities === null ? null : (JSON.parse(r.accepted_capabilities) as string[]),
})

export const toConnectWebview = (r: Selectable<ConnectWebviewsTable>): ConnectWebviewRecord => ({
  connectWebviewId: r.connect_webview_id,
  workspaceId: r.workspace_id,
  status: r.status as ConnectWebviewRecord['status'],
  connectedAccountId: r.connected_account_id,
  customRedirectUrl: r.custom_redirect_url,
  customRedirectFailureUrl: r.custom_redirect_failure_url,
  acceptedProviders: JSON.parse(r.accepted_providers) as string[],
  customMetadata: JSON.parse(r.custom_metadata) as Record<string, unknown>,
  customerKey: r.customer_key,
  createdAt: toIso(r.created_at),
  authorizedAt: toIsoOrNull(r.authorized_at),
  selectedProvider: r.selected_provider,
})

export const toUserIdentity = (r: Selectable<UserIdentitiesTable>): UserIdentityRecord => ({
  userIdentityId: r.user_identity_id,
  workspaceId: r.workspace_id,
  userIdentityKey: r.user_identity_key,
  emailAddress: r.email_address,
  phoneNumber: r.phone_number,
  fullName: r.full_name,
  createdAt: toIso(r.created_at),
  isManaged: r.is_managed !== 0,
})

export const toDevice = (r: Selectable<DevicesTable>): DeviceRecord => ({
  deviceId: r.device_id,
  workspaceId: r.workspace_id,
  connectedAccountId: r.connected_account_id,
  deviceType: r.device_type,
  displayName: r.display_name,
  properties: JSON.parse(r.properties) as Record<string, unknown>,
  createdAt: toIso(r.created_at),
  isManaged: r.is_managed === 1,
  errors: JSON.parse(r.errors) as ResourceErrorRecord[],
  warnings: JSON.parse(r.warnings) as ResourceWarningRecord[],
})

export const toEvent = (r: Omit<Selectable<EventsTable>, 'webhooks_pending'>): EventRecord => ({
  eventId: r.event_id,
  workspaceId: r.workspace_id,
  eventType: r.event_type,
  clientSessionId: r.client_session_id,
  connectedAccountId: r.connected_account_id,
  connectWebviewId: r.connect_webview_id,
  deviceId: r.device_id,
  accessCodeId: r.access_code_id,
  actionAttemptId: r.action_attempt_id,
  details: JSON.parse(r.details) as Record<string, unknown>,
  createdAt: toIso(r.created_at),
  occurredAt: toIso(r.occurred_at),
})

export const toActionAttempt = (r: Selectable<ActionAttemptsTable>): ActionAttemptRecord => ({
  actionAttemptId: r.action_attempt_id,
  workspaceId: r.workspace_id,
  deviceId: r.device_id,
  actionType: r.action_type as ActionType,
  status: r.status as ActionAttemptRecord['status'],
  result: r.result === null ? null : (JSON.parse(r.result) as Record<string, unknown>),
  error: r.error === null ? null : (JSON.parse(r.error) as ActionAttemptRecord['error']),
  createdAt: toIso(r.created_at),
})

export const actionAttemptRow = (a: ActionAttemptRecord) => ({
  action_attempt_id: a.actionAttemptId,
  workspace_id: a.workspaceId,
  device_id: a.deviceId,
  action_type: a.actionType,
  status: a.status,
  result: a.result === null ? null : JSON.stringify(a.result),
  error: a.error === null ? null : JSON.stringify(a.error),
  created_at: a.createdAt,
})

export const toAccessCode = (r: Selectable<AccessCodesTable>): AccessCodeRecord => ({
  accessCodeId: r.access_code_id,
  workspaceId: r.workspace_id,
  deviceId: r.device_id,
  name: r.name,
  code: r.code,
  commonCodeKey: r.common_code_key,
  startsAt: toIsoOrNull(r.starts_at),
  endsAt: toIsoOrNull(r.ends_at),
  createdAt: toIso(r.created_at),
})

export const accessCodeRow = (c: AccessCodeRecord) => ({
  access_code_id: c.accessCodeId,
  workspace_id: c.workspaceId,
  device_id: c.deviceId,
  name: c.name,
  code: c.code,
  common_code_key: c.commonCodeKey,
  starts_at: c.startsAt,
  ends_at: c.endsAt,
  created_at: c.createdAt,
})

export const toWorkspace = (row: Selectable<WorkspacesTable>): Workspace => ({
  workspaceId: row.workspace_id,
  name: row.name,
  isSandbox: row.is_sandbox === 1,
  createdAt: toIso(row.created_at),
  companyName: row.company_name,
  connectPartnerName: row.connect_partner_name,
  isSuspended: row.is_suspended === 1,
})
