import type { z } from 'zod'

import type { deviceSchema } from '../../contract/device.ts'
import { currentProperties, isLock } from '../../sandbox/devices.ts'
import { SANDBOX_LOCK_MODEL } from '../../sandbox/lock-model.ts'
import type { DeviceRecord } from '../../store/records.ts'

type DeviceResource = z.infer<typeof deviceSchema>

export const toDeviceResource = (d: DeviceRecord): DeviceResource => {
  const lock = isLock(d.deviceType)
  return {
    device_id: d.deviceId,
    workspace_id: d.workspaceId,
    connected_account_id: d.connectedAccountId,
    device_type: d.deviceType,
    display_name: d.displayName,
    nickname: d.displayName,
    space_ids: [],
    properties: currentProperties(d) as DeviceResource['properties'],
    ...(d.deviceType === SANDBOX_LOCK_MODEL.deviceType ? { device_provider: { ...SANDBOX_LOCK_MODEL.provider } } : {}),
    capabilities_supported: lock ? [...SANDBOX_LOCK_MODEL.capabilities] : [],
    can_remotely_lock: lock,
    can_remotely_unlock: lock,
    can_program_online_access_codes: lock,
    can_program_offline_access_codes: false,
    can_unlock_with_code: lock,
    is_managed: true,
    custom_metadata: {},
    created_at: d.createdAt,
    // Simulated conditions (sandbox/device-conditions.ts), in Seam's error shape.
    errors: d.errors,
    warnings: [],
  }
}
