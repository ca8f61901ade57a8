import type { Selectable } from 'kysely'

import { toIso, toIsoOrNull } from './session-and-workspace-rows.ts'
import type {
  ConnectWebviewRecord,
  ConnectedAccountRecord,
  DeviceRecord,
  EventRecord,
  UserIdentityRecord,
} from '../records.ts'
import type {
  ConnectWebviewsTable,
  ConnectedAccountsTable,
  DevicesTable,
  EventsTable,
  UserIdentitiesTable,
} from '../tables.ts'

/** Rows of the scoped resources to domain records: camelCase, ISO timestamps, parsed JSON. */
export const toConnectedAccount = (r: Selectable<ConnectedAccountsTable>): ConnectedAccountRecord => ({
  connectedAccountId: r.connected_account_id,
  workspaceId: r.workspace_id,
  provider: r.provider,
  userIdentifierEmail: r.user_identifier_email,
  displayName: r.display_name,
  createdAt: toIso(r.created_at),
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
  createdAt: toIso(r.created_at),
  authorizedAt: toIsoOrNull(r.authorized_at),
})

export const toUserIdentity = (r: Selectable<UserIdentitiesTable>): UserIdentityRecord => ({
  userIdentityId: r.user_identity_id,
  workspaceId: r.workspace_id,
  userIdentityKey: r.user_identity_key,
  emailAddress: r.email_address,
  phoneNumber: r.phone_number,
  fullName: r.full_name,
  createdAt: toIso(r.created_at),
})

export const toDevice = (r: Selectable<DevicesTable>): DeviceRecord => ({
  deviceId: r.device_id,
  workspaceId: r.workspace_id,
  connectedAccountId: r.connected_account_id,
  deviceType: r.device_type,
  displayName: r.display_name,
  properties: JSON.parse(r.properties) as Record<string, unknown>,
  createdAt: toIso(r.created_at),
})

export const toEvent = (r: Selectable<EventsTable>): EventRecord => ({
  eventId: r.event_id,
  workspaceId: r.workspace_id,
  eventType: r.event_type,
  clientSessionId: r.client_session_id,
  connectedAccountId: r.connected_account_id,
  connectWebviewId: r.connect_webview_id,
  deviceId: r.device_id,
  createdAt: toIso(r.created_at),
  occurredAt: toIso(r.occurred_at),
})
