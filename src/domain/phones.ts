import { randomUUID } from 'node:crypto'

import type { PhoneRecord, UserIdentityRecord } from '../store/records.ts'

export interface SandboxPhoneMetadata {
  operating_system: 'android' | 'ios'
  os_version: string
  device_manufacturer: string
  device_model: string
}

export interface SandboxAssaAbloyMetadata {
  ble_capability: boolean
  hce_capability: boolean
  nfc_capability: boolean
  application_version: string
  seos_applet_version: string
  seos_tsm_endpoint_id: number
}

/**
 * A simulated phone of a user identity, as phones/simulate/create_sandbox_phone makes it: its
 * operating system gives Seam's device type, its model its name, and the ASSA ABLOY credential
 * service holds one active endpoint for it (the mobile keys' way onto the phone). What Seam's
 * phone resource has no field for (OS version, capabilities) is not kept.
 */
export const makeSandboxPhone = (
  identity: UserIdentityRecord,
  phone: SandboxPhoneMetadata,
  _assaAbloy: SandboxAssaAbloyMetadata,
  at: string,
): PhoneRecord => ({
  deviceId: randomUUID(),
  workspaceId: identity.workspaceId,
  userIdentityId: identity.userIdentityId,
  displayName: phone.device_model,
  nickname: null,
  deviceType: phone.operating_system === 'ios' ? 'ios_phone' : 'android_phone',
  customMetadata: {},
  properties: {
    assa_abloy_credential_service_metadata: { has_active_endpoint: true, endpoints: [{ endpoint_id: randomUUID(), is_active: true }] },
  },
  createdAt: at,
})
