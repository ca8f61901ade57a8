import { z } from 'zod'

import { deviceSchema } from '../../contract/device.ts'
import { id } from '../../contract/fields.ts'
import { lockInScope } from '../../domain/locks.ts'
import { toDeviceResource } from '../../domain/resources/device.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'

export default defineRoute({
  path: '/locks/get',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description: 'Returns a lock, under both `lock` and `device` as Seam does. A client session token reaches only its scope’s locks.',
  params: z.object({ device_id: id() }),
  response: z.object({ lock: deviceSchema, device: deviceSchema }),
  async handler({ params, auth, context }) {
    const lock = toDeviceResource(await lockInScope(context, scopeOf(auth), params.device_id))
    return { lock, device: lock }
  },
})
