import type { z } from 'zod'

import type { unmanagedDeviceSchema } from '../../contract/unmanaged-device.ts'
import type { DeviceRecord } from '../../store/records.ts'
import { optional } from '../../store/optional.ts'
import { kindOf } from '../../sandbox/kinds/registry.ts'
import { toDeviceResource } from './device.ts'

type UnmanagedDeviceResource = z.infer<typeof unmanagedDeviceSchema>

/** Seam's reduced shape: the managed resource's identity, capabilities and errors, and only the properties Seam keeps. */
export const toUnmanagedDeviceResource = (d: DeviceRecord): UnmanagedDeviceResource => {
  const full = toDeviceResource(d)
  const p = full.properties
  return {
    device_id: full.device_id,
    workspace_id: full.workspace_id,
    connected_account_id: full.connected_account_id,
    device_type: full.device_type,
    properties: {
      name: p.name,
      online: p.online,
      model: p.model,
      ...optional({
        manufacturer: p.manufacturer,
        image_url: p.image_url,
        image_alt_text: p['image_alt_text'] as string | undefined,
        battery_level: p.battery_level,
        battery: p['battery'] as { level: number; status: string } | undefined,
      }),
    },
    capabilities_supported: full.capabilities_supported,
    ...kindOf(d.deviceType)?.flags,
    is_managed: false,
    custom_metadata: full.custom_metadata,
    created_at: full.created_at,
    errors: full.errors,
    warnings: full.warnings,
  }
}
