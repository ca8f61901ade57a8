import { z } from 'zod'

import { deviceSchema } from '../../contract/device.ts'
import { paginationSchema } from '../../contract/client-session.ts'
import { toDeviceResource } from '../../domain/resources/device.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'
import { deviceListParams, readDeviceFilter, UNSUPPORTED_DEVICE_LIST_PARAMS } from '../devices/filters.ts'
import { pageParams, pageRequest, paginationOf } from '../page-cursor.ts'

export default defineRoute({
  path: '/locks/list',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description:
    'Lists locks, newest first, under both `locks` and `devices`, paged like every list. A client session token sees only its scope’s locks.',
  params: z.object({ ...deviceListParams, ...pageParams }),
  unsupported: UNSUPPORTED_DEVICE_LIST_PARAMS,
  responseKey: 'devices',
  response: z.object({ locks: z.array(deviceSchema), devices: z.array(deviceSchema), pagination: paginationSchema }),
  async handler({ params, auth, context, nextPageUrl }) {
    const filter = { ...(await readDeviceFilter(context, auth.workspaceId, params)), locksOnly: true }
    const page = await context.store.listDevices(scopeOf(auth), filter, pageRequest(params))
    const locks = page.items.map(toDeviceResource)
    return { locks, devices: locks, pagination: paginationOf(page, (d) => ({ createdAt: d.createdAt, id: d.deviceId }), nextPageUrl) }
  },
})
