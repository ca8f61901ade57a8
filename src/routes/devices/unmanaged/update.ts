import { z } from 'zod'

import { notFound } from '../../../contract/api-error.ts'
import { id } from '../../../contract/fields.ts'
import { setManaged } from '../../../sandbox/device-conditions.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { found, WORKSPACE_KEYS } from '../../found.ts'

export default defineRoute({
  path: '/devices/unmanaged/update',
  methods: ['PATCH', 'POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Updates an unmanaged device; `is_managed: true` converts it back to managed (in devices/list again, `device.unmanaged.converted_to_managed`).',
  // Custom metadata needs data Latchkey does not keep.
  unsupported: ['custom_metadata'],
  params: z.object({ device_id: id(), is_managed: z.literal(true).optional() }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    const page = await context.store.listDevices(
      scopeOf(auth),
      { unmanaged: true, deviceIds: [params.device_id] },
      { limit: 1, after: undefined },
    )
    const device = found(page.items[0], 'device')
    if (params.is_managed === true) {
      const changed = await context.store.changeDevice(
        device.workspaceId,
        device.deviceId,
        setManaged(true, context.clock.now().toISOString()),
      )
      if (changed === undefined) throw notFound('device')
    }
    return {}
  },
})
