import { z } from 'zod'

import { deviceSchema } from '../../contract/device.ts'
import { paginationSchema } from '../../contract/client-session.ts'
import { toDeviceResource } from '../../domain/resources/device.ts'
import { scopeOf } from '../../domain/scope.ts'
import { catchUpThermostats } from '../../domain/thermostat-catch-up.ts'
import { defineRoute } from '../../http/route.ts'
import { deviceTypesWith } from '../../sandbox/kinds/registry.ts'
import { SCOPED_READERS } from '../found.ts'
import { deviceListParams, readDeviceFilter, UNSUPPORTED_DEVICE_LIST_PARAMS } from '../devices/filters.ts'
import { pageParams, pageRequest, paginationOf } from '../page-cursor.ts'

export default defineRoute({
  path: '/thermostats/list',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description:
    'Lists thermostats, newest first, under both `thermostats` and `devices`, with the filters of `devices/list`. A client session token sees only its scope’s thermostats.',
  params: z.object({ ...deviceListParams, ...pageParams }),
  unsupported: UNSUPPORTED_DEVICE_LIST_PARAMS,
  responseKey: 'devices',
  response: z.object({ thermostats: z.array(deviceSchema), devices: z.array(deviceSchema), pagination: paginationSchema }),
  async handler({ params, auth, context, nextPageUrl }) {
    const filter = await readDeviceFilter(context, auth.workspaceId, params)
    // Only thermostats: of the types asked for, those that are thermostats (none: nothing matches).
    const thermostatTypes = deviceTypesWith('thermostat')
    filter.deviceTypes = filter.deviceTypes === undefined ? thermostatTypes : filter.deviceTypes.filter((t) => thermostatTypes.includes(t))
    const page = await context.store.listDevices(scopeOf(auth), filter, pageRequest(params))
    // Each first applies the schedule transitions its clock has come to.
    const thermostats = (await catchUpThermostats(context, page.items)).map(toDeviceResource)
    return {
      thermostats,
      devices: thermostats,
      pagination: paginationOf(page, (d) => ({ createdAt: d.createdAt, id: d.deviceId }), nextPageUrl),
    }
  },
})
