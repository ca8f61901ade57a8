import { z } from 'zod'

import { paginationSchema } from '../../contract/client-session.ts'
import { deviceSchema } from '../../contract/device.ts'
import { toDeviceResource } from '../../domain/resources/device.ts'
import { id, idList } from '../../contract/fields.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'
import { accountFilter, deviceFilter } from './filters.ts'
import { pageParams, pageRequest, paginationOf } from '../page-cursor.ts'

export default defineRoute({
  path: '/devices/list',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description: 'Lists devices, newest first. A client session token sees only the devices of its scope.',
  params: z.object({
    connected_account_id: id().optional(),
    connected_account_ids: idList().optional(),
    device_ids: idList().optional(),
    ...pageParams,
  }),
  response: z.object({ devices: z.array(deviceSchema), pagination: paginationSchema }),
  async handler({ params, auth, context }) {
    const filter = deviceFilter(accountFilter(params.connected_account_id, params.connected_account_ids), params.device_ids)
    const page = await context.store.listDevices(scopeOf(auth), filter, pageRequest(params))
    return {
      devices: page.items.map(toDeviceResource),
      pagination: paginationOf(page, (d) => ({ createdAt: d.createdAt, id: d.deviceId })),
    }
  },
})
