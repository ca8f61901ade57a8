import { z } from 'zod'

import { paginationSchema } from '../../contract/client-session.ts'
import { deviceSchema } from '../../contract/device.ts'
import { scopeOf } from '../../domain/scope.ts'
import { catchUpThermostats } from '../../domain/thermostat-catch-up.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'
import { deviceListParams, readDeviceFilter, UNSUPPORTED_DEVICE_LIST_PARAMS } from './filters.ts'
import { pageParams, pageRequest, paginationOf } from '../page-cursor.ts'

export default defineRoute({
  path: '/devices/list',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description: 'Lists devices, newest first. A client session token sees only the devices of its scope.',
  params: z.object({ ...deviceListParams, ...pageParams }),
  unsupported: UNSUPPORTED_DEVICE_LIST_PARAMS,
  response: z.object({ devices: z.array(deviceSchema), pagination: paginationSchema }),
  async handler({ params, auth, context, nextPageUrl }) {
    const filter = await readDeviceFilter(context, auth.workspaceId, params)
    const page = await context.store.listDevices(scopeOf(auth), filter, pageRequest(params))
    // Thermostats first apply the schedule transitions their clock has come to.
    const devices = (await catchUpThermostats(context, page.items)).map(context.caches.deviceJson).join(',')
    const pagination = JSON.stringify(paginationOf(page, (d) => ({ createdAt: d.createdAt, id: d.deviceId }), nextPageUrl))
    // What JSON.stringify({ devices, pagination, ok: true }) gives, each device's JSON made once
    // per stored version (domain/resources/device-json.ts).
    return `{"devices":[${devices}],"pagination":${pagination},"ok":true}`
  },
})
