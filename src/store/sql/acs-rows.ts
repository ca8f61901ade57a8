import type { Insertable, Selectable } from 'kysely'

import type {
  AcsAccessGroupRecord,
  AcsAccessMethod,
  AcsCredentialRecord,
  AcsEncoderRecord,
  AcsEntranceRecord,
  AcsSystemRecord,
  AcsUserRecord,
  InstantKeyRecord,
  PhoneRecord,
} from '../records.ts'
import type {
  AcsAccessGroupsTable,
  AcsCredentialsTable,
  AcsEncodersTable,
  AcsEntrancesTable,
  AcsSystemsTable,
  AcsUsersTable,
  InstantKeysTable,
  PhonesTable,
} from '../tables.ts'
import { toIso, toIsoOrNull } from './iso-timestamps.ts'

/**
 * Access control rows to records and back (migrations/0016): each table's one pair of mappings,
 * booleans as 0/1 and JSON as text in the row.
 */
const bit = (b: boolean): number => (b ? 1 : 0)

export const toAcsSystem = (r: Selectable<AcsSystemsTable>): AcsSystemRecord => ({
  acsSystemId: r.acs_system_id,
  workspaceId: r.workspace_id,
  connectedAccountId: r.connected_account_id,
  name: r.name,
  externalType: r.external_type,
  isCredentialManager: r.is_credential_manager === 1,
  timeZone: r.time_zone,
  createdAt: toIso(r.created_at),
})
export const acsSystemRow = (s: AcsSystemRecord): Insertable<AcsSystemsTable> => ({
  acs_system_id: s.acsSystemId,
  workspace_id: s.workspaceId,
  connected_account_id: s.connectedAccountId,
  name: s.name,
  external_type: s.externalType,
  is_credential_manager: bit(s.isCredentialManager),
  time_zone: s.timeZone,
  created_at: s.createdAt,
})

export const toAcsUser = (r: Selectable<AcsUsersTable>): AcsUserRecord => ({
  acsUserId: r.acs_user_id,
  workspaceId: r.workspace_id,
  acsSystemId: r.acs_system_id,
  connectedAccountId: r.connected_account_id,
  userIdentityId: r.user_identity_id,
  externalType: r.external_type,
  fullName: r.full_name,
  emailAddress: r.email_address,
  phoneNumber: r.phone_number,
  isSuspended: r.is_suspended === 1,
  accessStartsAt: toIsoOrNull(r.access_starts_at),
  accessEndsAt: toIsoOrNull(r.access_ends_at),
  createdAt: toIso(r.created_at),
})
export const acsUserRow = (u: AcsUserRecord): Insertable<AcsUsersTable> => ({
  acs_user_id: u.acsUserId,
  workspace_id: u.workspaceId,
  acs_system_id: u.acsSystemId,
  connected_account_id: u.connectedAccountId,
  user_identity_id: u.userIdentityId,
  external_type: u.externalType,
  full_name: u.fullName,
  email_address: u.emailAddress,
  phone_number: u.phoneNumber,
  is_suspended: bit(u.isSuspended),
  access_starts_at: u.accessStartsAt,
  access_ends_at: u.accessEndsAt,
  created_at: u.createdAt,
})

export const toAcsAccessGroup = (r: Selectable<AcsAccessGroupsTable>): AcsAccessGroupRecord => ({
  acsAccessGroupId: r.acs_access_group_id,
  workspaceId: r.workspace_id,
  acsSystemId: r.acs_system_id,
  connectedAccountId: r.connected_account_id,
  name: r.name,
  externalType: r.external_type,
  accessStartsAt: toIsoOrNull(r.access_starts_at),
  accessEndsAt: toIsoOrNull(r.access_ends_at),
  createdAt: toIso(r.created_at),
})
export const acsAccessGroupRow = (g: AcsAccessGroupRecord): Insertable<AcsAccessGroupsTable> => ({
  acs_access_group_id: g.acsAccessGroupId,
  workspace_id: g.workspaceId,
  acs_system_id: g.acsSystemId,
  connected_account_id: g.connectedAccountId,
  name: g.name,
  external_type: g.externalType,
  access_starts_at: g.accessStartsAt,
  access_ends_at: g.accessEndsAt,
  created_at: g.createdAt,
})

export const toAcsEntrance = (r: Selectable<AcsEntrancesTable>): AcsEntranceRecord => ({
  acsEntranceId: r.acs_entrance_id,
  workspaceId: r.workspace_id,
  acsSystemId: r.acs_system_id,
  connectedAccountId: r.connected_account_id,
  displayName: r.display_name,
  canUnlockWithCard: r.can_unlock_with_card === 1,
  canUnlockWithCode: r.can_unlock_with_code === 1,
  canUnlockWithMobileKey: r.can_unlock_with_mobile_key === 1,
  canUnlockWithCloudKey: r.can_unlock_with_cloud_key === 1,
  isLocked: r.is_locked === null ? null : r.is_locked === 1,
  providerMetadata: JSON.parse(r.provider_metadata) as Record<string, unknown>,
  createdAt: toIso(r.created_at),
})
export const acsEntranceRow = (e: AcsEntranceRecord): Insertable<AcsEntrancesTable> => ({
  acs_entrance_id: e.acsEntranceId,
  workspace_id: e.workspaceId,
  acs_system_id: e.acsSystemId,
  connected_account_id: e.connectedAccountId,
  display_name: e.displayName,
  can_unlock_with_card: bit(e.canUnlockWithCard),
  can_unlock_with_code: bit(e.canUnlockWithCode),
  can_unlock_with_mobile_key: bit(e.canUnlockWithMobileKey),
  can_unlock_with_cloud_key: bit(e.canUnlockWithCloudKey),
  is_locked: e.isLocked === null ? null : bit(e.isLocked),
  provider_metadata: JSON.stringify(e.providerMetadata),
  created_at: e.createdAt,
})

export const toAcsCredential = (r: Selectable<AcsCredentialsTable>): AcsCredentialRecord => ({
  acsCredentialId: r.acs_credential_id,
  workspaceId: r.workspace_id,
  acsSystemId: r.acs_system_id,
  connectedAccountId: r.connected_account_id,
  acsUserId: r.acs_user_id,
  userIdentityId: r.user_identity_id,
  displayName: r.display_name,
  accessMethod: r.access_method as AcsAccessMethod,
  externalType: r.external_type,
  code: r.code,
  cardNumber: r.card_number,
  isIssued: r.is_issued === 1,
  issuedAt: toIsoOrNull(r.issued_at),
  startsAt: toIsoOrNull(r.starts_at),
  endsAt: toIsoOrNull(r.ends_at),
  isMultiPhoneSyncCredential: r.is_multi_phone_sync_credential === 1,
  isOneTimeUse: r.is_one_time_use === 1,
  parentAcsCredentialId: r.parent_acs_credential_id,
  createdAt: toIso(r.created_at),
})
export const acsCredentialRow = (c: AcsCredentialRecord): Insertable<AcsCredentialsTable> => ({
  acs_credential_id: c.acsCredentialId,
  workspace_id: c.workspaceId,
  acs_system_id: c.acsSystemId,
  connected_account_id: c.connectedAccountId,
  acs_user_id: c.acsUserId,
  user_identity_id: c.userIdentityId,
  display_name: c.displayName,
  access_method: c.accessMethod,
  external_type: c.externalType,
  code: c.code,
  card_number: c.cardNumber,
  is_issued: bit(c.isIssued),
  issued_at: c.issuedAt,
  starts_at: c.startsAt,
  ends_at: c.endsAt,
  is_multi_phone_sync_credential: bit(c.isMultiPhoneSyncCredential),
  is_one_time_use: bit(c.isOneTimeUse),
  parent_acs_credential_id: c.parentAcsCredentialId,
  created_at: c.createdAt,
})

export const toAcsEncoder = (r: Selectable<AcsEncodersTable>): AcsEncoderRecord => ({
  acsEncoderId: r.acs_encoder_id,
  workspaceId: r.workspace_id,
  acsSystemId: r.acs_system_id,
  connectedAccountId: r.connected_account_id,
  displayName: r.display_name,
  createdAt: toIso(r.created_at),
})
export const acsEncoderRow = (e: AcsEncoderRecord): Insertable<AcsEncodersTable> => ({
  acs_encoder_id: e.acsEncoderId,
  workspace_id: e.workspaceId,
  acs_system_id: e.acsSystemId,
  connected_account_id: e.connectedAccountId,
  display_name: e.displayName,
  created_at: e.createdAt,
})

export const toPhone = (r: Selectable<PhonesTable>): PhoneRecord => ({
  deviceId: r.device_id,
  workspaceId: r.workspace_id,
  userIdentityId: r.user_identity_id,
  displayName: r.display_name,
  nickname: r.nickname,
  deviceType: r.device_type,
  customMetadata: JSON.parse(r.custom_metadata) as Record<string, unknown>,
  properties: JSON.parse(r.properties) as Record<string, unknown>,
  createdAt: toIso(r.created_at),
})
export const phoneRow = (p: PhoneRecord): Insertable<PhonesTable> => ({
  device_id: p.deviceId,
  workspace_id: p.workspaceId,
  user_identity_id: p.userIdentityId,
  display_name: p.displayName,
  nickname: p.nickname,
  device_type: p.deviceType,
  custom_metadata: JSON.stringify(p.customMetadata),
  properties: JSON.stringify(p.properties),
  created_at: p.createdAt,
})

export const toInstantKey = (r: Selectable<InstantKeysTable>): InstantKeyRecord => ({
  instantKeyId: r.instant_key_id,
  workspaceId: r.workspace_id,
  userIdentityId: r.user_identity_id,
  clientSessionId: r.client_session_id,
  instantKeyUrl: r.instant_key_url,
  customization: r.customization === null ? null : (JSON.parse(r.customization) as Record<string, unknown>),
  customizationProfileId: r.customization_profile_id,
  expiresAt: toIso(r.expires_at),
  createdAt: toIso(r.created_at),
})
export const instantKeyRow = (k: InstantKeyRecord): Insertable<InstantKeysTable> => ({
  instant_key_id: k.instantKeyId,
  workspace_id: k.workspaceId,
  user_identity_id: k.userIdentityId,
  client_session_id: k.clientSessionId,
  instant_key_url: k.instantKeyUrl,
  customization: k.customization === null ? null : JSON.stringify(k.customization),
  customization_profile_id: k.customizationProfileId,
  expires_at: k.expiresAt,
  created_at: k.createdAt,
})
