import { z } from 'zod'

import { deviceSchema } from '../../contract/device.ts'
import { lockInScope } from '../../domain/locks.ts'
import { toDeviceResource } from '../../domain/resources/device.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { deviceLookupParams, findDeviceByName, requireDeviceIdOrName } from '../devices/filters.ts'
import { SCOPED_READERS } from '../found.ts'

export default defineRoute({
  path: '/locks/get',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description:
    'Returns a lock by `device_id` or `name`, under both `lock` and `device` as Seam does. A client session token reaches only its scope’s locks.',
  params: z.object(deviceLookupParams),
  responseKey: 'device',
  response: z.object({ lock: deviceSchema, device: deviceSchema }),
  async handler({ params, auth, context }) {
    const scope = scopeOf(auth)
    if (params.name === undefined && params.device_id === undefined) throw requireDeviceIdOrName()
    const lock = toDeviceResource(
      params.name === undefined
        ? await lockInScope(context, scope, params.device_id as string)
        : await findDeviceByName(context, scope, params.name, params.device_id, true),
    )
    return { lock, device: lock }
  },
})
