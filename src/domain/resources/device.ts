import type { z } from 'zod'

import type { deviceSchema } from '../../contract/device.ts'
import { currentProperties } from '../../sandbox/devices.ts'
import { kindOf } from '../../sandbox/kinds/registry.ts'
import type { DeviceRecord } from '../../store/records.ts'
import { optional, whenDefined } from '../../store/optional.ts'

type DeviceResource = z.infer<typeof deviceSchema>

export const toDeviceResource = (d: DeviceRecord): DeviceResource => {
  const kind = kindOf(d.deviceType)
  return {
    device_id: d.deviceId,
    workspace_id: d.workspaceId,
    connected_account_id: d.connectedAccountId,
    device_type: d.deviceType,
    display_name: d.displayName,
    nickname: d.displayName,
    space_ids: [],
    properties: currentProperties(d) as DeviceResource['properties'],
    ...optional({ device_provider: whenDefined(kind, (k) => ({ ...k.provider })) }),
    capabilities_supported: kind === undefined ? [] : [...kind.capabilities],
    // Only the kind's own flags: a lock flag on a thermostat, even false, makes Components show a lock.
    ...kind?.flags,
    is_managed: true,
    custom_metadata: {},
    created_at: d.createdAt,
    // Simulated conditions (sandbox/device-conditions.ts), in Seam's error shape.
    errors: d.errors,
    // A thermostat's temperature_threshold_exceeded (domain/thermostats/temperature.ts).
    warnings: d.warnings,
  }
}
