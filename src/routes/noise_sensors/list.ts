import { z } from 'zod'

import { paginationSchema } from '../../contract/client-session.ts'
import { deviceSchema } from '../../contract/device.ts'
import { toDeviceResource } from '../../domain/resources/device.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { deviceTypesWith } from '../../sandbox/kinds/registry.ts'
import { deviceListParams, readDeviceFilter, UNSUPPORTED_DEVICE_LIST_PARAMS } from '../devices/filters.ts'
import { SCOPED_READERS } from '../found.ts'
import { pageParams, pageRequest, paginationOf } from '../page-cursor.ts'

/** The device types that sense noise: what this list answers, whatever else the filters allow. */
const NOISE_SENSOR_TYPES = deviceTypesWith('noise_detection')

export default defineRoute({
  path: '/noise_sensors/list',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description:
    'Lists noise sensors, newest first, under both `noise_sensors` and `devices`, with the filters and paging of devices/list. A client session token sees only its scope’s sensors.',
  params: z.object({ ...deviceListParams, ...pageParams }),
  unsupported: UNSUPPORTED_DEVICE_LIST_PARAMS,
  responseKey: 'devices',
  response: z.object({ noise_sensors: z.array(deviceSchema), devices: z.array(deviceSchema), pagination: paginationSchema }),
  async handler({ params, auth, context, nextPageUrl }) {
    const filter = await readDeviceFilter(context, auth.workspaceId, params)
    filter.deviceTypes = (filter.deviceTypes ?? NOISE_SENSOR_TYPES).filter((type) => NOISE_SENSOR_TYPES.includes(type))
    const page = await context.store.listDevices(scopeOf(auth), filter, pageRequest(params))
    const sensors = page.items.map(toDeviceResource)
    return {
      noise_sensors: sensors,
      devices: sensors,
      pagination: paginationOf(page, (d) => ({ createdAt: d.createdAt, id: d.deviceId }), nextPageUrl),
    }
  },
})
