import type { z } from 'zod'

import type { deviceSchema } from '../../contract/device.ts'
import type { DeviceRecord } from '../../store/records.ts'

export const toDeviceResource = (d: DeviceRecord): z.infer<typeof deviceSchema> => {
  const isLock = d.deviceType.endsWith('_lock')
  return {
    device_id: d.deviceId,
    workspace_id: d.workspaceId,
    connected_account_id: d.connectedAccountId,
    device_type: d.deviceType,
    display_name: d.displayName,
    properties: d.properties as z.infer<typeof deviceSchema>['properties'],
    capabilities_supported: isLock ? ['lock'] : [],
    can_remotely_lock: isLock,
    can_remotely_unlock: isLock,
    is_managed: true,
    location: null,
    custom_metadata: {},
    created_at: d.createdAt,
    errors: [],
    warnings: [],
  }
}
