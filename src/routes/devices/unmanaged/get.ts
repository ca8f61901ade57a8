import { z } from 'zod'

import { unmanagedDeviceSchema } from '../../../contract/unmanaged-device.ts'
import { toUnmanagedDeviceResource } from '../../../domain/resources/unmanaged-device.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { found, SCOPED_READERS } from '../../found.ts'
import { deviceLookupParams, requireDeviceIdOrName } from '../filters.ts'
import { optional, whenDefined } from '../../../store/optional.ts'

export default defineRoute({
  path: '/devices/unmanaged/get',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description:
    'Returns an unmanaged device by `device_id` or `name` (both given: both must match), in Seam’s reduced shape. A client session token reaches only its scope’s devices.',
  params: z.object(deviceLookupParams),
  response: z.object({ device: unmanagedDeviceSchema }),
  async handler({ params, auth, context }) {
    if (params.device_id === undefined && params.name === undefined) throw requireDeviceIdOrName()
    const page = await context.store.listDevices(
      scopeOf(auth),
      {
        unmanaged: true,
        ...optional({ deviceIds: whenDefined(params.device_id, (id) => [id]) }),
        ...optional({ name: params.name }),
      },
      { limit: 1, after: undefined },
    )
    return { device: toUnmanagedDeviceResource(found(page.items[0], 'device')) }
  },
})
