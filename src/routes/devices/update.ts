import { z } from 'zod'

import { notFound } from '../../contract/api-error.ts'
import { id } from '../../contract/fields.ts'
import { setManaged } from '../../sandbox/device-conditions.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { found, SCOPED_READERS } from '../found.ts'

export default defineRoute({
  path: '/devices/update',
  methods: ['PATCH', 'POST'],
  auth: SCOPED_READERS,
  description:
    'Renames a device (`name`, or `properties.name`); `is_managed: false` makes it unmanaged (then only in devices/unmanaged/*, `device.converted_to_unmanaged`). A client session token reaches only its scope’s devices.',
  // Backup code pools and custom metadata need data Latchkey does not keep.
  unsupported: ['backup_access_code_pool_enabled', 'custom_metadata'],
  params: z.object({
    device_id: id(),
    name: z.string().min(1).max(200).optional(),
    properties: z.object({ name: z.string().min(1).max(200).optional() }).optional(),
    is_managed: z.boolean().optional(),
  }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    const device = found(await context.store.getDevice(scopeOf(auth), params.device_id), 'device')
    const name = params.name ?? params.properties?.name
    if (name !== undefined && !(await context.store.renameDevice(device.workspaceId, device.deviceId, name))) throw notFound('device')
    // A managed device asked to stay managed (Seam's default) changes nothing.
    if (params.is_managed === false) {
      const changed = await context.store.changeDevice(
        device.workspaceId,
        device.deviceId,
        setManaged(false, context.clock.now().toISOString()),
      )
      if (changed === undefined) throw notFound('device')
    }
    return {}
  },
})
