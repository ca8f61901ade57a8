import { z } from 'zod'

import { notFound } from '../../contract/api-error.ts'
import { id } from '../../contract/fields.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { found, SCOPED_READERS } from '../found.ts'

export default defineRoute({
  path: '/devices/update',
  methods: ['PATCH', 'POST'],
  auth: SCOPED_READERS,
  description: 'Renames a device (`name`, or `properties.name`). A client session token reaches only its scope’s devices.',
  // Backup code pools, custom metadata and unmanaged devices need data Latchkey does not keep.
  unsupported: ['backup_access_code_pool_enabled', 'custom_metadata', 'is_managed'],
  params: z.object({
    device_id: id(),
    name: z.string().min(1).max(200).optional(),
    properties: z.object({ name: z.string().min(1).max(200).optional() }).optional(),
  }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    const device = found(await context.store.getDevice(scopeOf(auth), params.device_id), 'device')
    const name = params.name ?? params.properties?.name
    if (name !== undefined && !(await context.store.renameDevice(device.workspaceId, device.deviceId, name))) throw notFound('device')
    return {}
  },
})
