import { z } from 'zod'

import { deviceSchema } from '../../contract/device.ts'
import { toDeviceResource } from '../../domain/resources/device.ts'
import { scopeOf } from '../../domain/scope.ts'
import { catchUpThermostat } from '../../domain/thermostat-catch-up.ts'
import { defineRoute } from '../../http/route.ts'
import { found, SCOPED_READERS } from '../found.ts'
import { deviceLookupParams, findDeviceByName, requireDeviceIdOrName } from './filters.ts'

export default defineRoute({
  path: '/devices/get',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description: 'Returns a device by `device_id` or `name`. A client session token reaches only the devices of its scope’s accounts.',
  params: z.object(deviceLookupParams),
  response: z.object({ device: deviceSchema }),
  async handler({ params, auth, context }) {
    const scope = scopeOf(auth)
    if (params.name !== undefined)
      return {
        device: toDeviceResource(
          await catchUpThermostat(context, await findDeviceByName(context, scope, params.name, params.device_id, false)),
        ),
      }
    if (params.device_id === undefined) throw requireDeviceIdOrName()
    // A thermostat first applies the schedule transitions its clock has come to.
    return {
      device: toDeviceResource(await catchUpThermostat(context, found(await context.store.getDevice(scope, params.device_id), 'device'))),
    }
  },
})
