import { z } from 'zod'

import { paginationSchema } from '../../contract/client-session.ts'
import { deviceSchema } from '../../contract/device.ts'
import { toDeviceResource } from '../../domain/resources/device.ts'
import { id, idList } from '../../contract/fields.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import type { DeviceFilter } from '../../store/records.ts'
import { SCOPED_READERS } from '../found.ts'
import { pageParams, pageRequest, paginationOf } from '../page-cursor.ts'

/** Both account filters are AND-ed like every other filter: a device must match each one given. */
const accountFilter = (one: string | undefined, many: string[] | undefined): string[] | undefined => {
  if (one === undefined) return many
  if (many === undefined) return [one]
  return many.includes(one) ? [one] : []
}

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
    const connectedAccountIds = accountFilter(params.connected_account_id, params.connected_account_ids)
    const filter: DeviceFilter = {
      ...(connectedAccountIds === undefined ? {} : { connectedAccountIds }),
      ...(params.device_ids === undefined ? {} : { deviceIds: params.device_ids }),
    }
    const page = await context.store.listDevices(scopeOf(auth), filter, pageRequest(params))
    return {
      devices: page.items.map(toDeviceResource),
      pagination: paginationOf(page, (d) => ({ createdAt: d.createdAt, id: d.deviceId })),
    }
  },
})
