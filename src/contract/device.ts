import { z } from 'zod'

import type { DeviceRecord } from '../store/records.ts'

/** A device on the wire, with Seam's field names (`@seamapi/types` device). */
export const deviceSchema = z.object({
  device_id: z.uuid(),
  workspace_id: z.uuid(),
  connected_account_id: z.uuid(),
  device_type: z.string(),
  display_name: z.string(),
  properties: z.looseObject({ name: z.string(), online: z.boolean(), locked: z.boolean().optional() }),
  capabilities_supported: z.array(z.string()),
  can_remotely_lock: z.boolean(),
  can_remotely_unlock: z.boolean(),
  is_managed: z.boolean(),
  location: z.null(),
  custom_metadata: z.record(z.string(), z.unknown()),
  created_at: z.iso.datetime(),
  errors: z.array(z.unknown()),
  warnings: z.array(z.unknown()),
})

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
