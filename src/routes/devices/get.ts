import { z } from 'zod'

import { deviceSchema } from '../../contract/device.ts'
import { toDeviceResource } from '../../domain/resources/device.ts'
import { id } from '../../contract/fields.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { found, SCOPED_READERS } from '../found.ts'

export default defineRoute({
  path: '/devices/get',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description: 'Returns a device. A client session token reaches only the devices of its scope’s accounts.',
  params: z.object({ device_id: id() }),
  response: z.object({ device: deviceSchema }),
  async handler({ params, auth, context }) {
    const device = await context.store.getDevice(scopeOf(auth), params.device_id)
    return { device: toDeviceResource(found(device, 'device')) }
  },
})
