import { z } from 'zod'

import { deviceSchema } from '../../contract/device.ts'
import { id, idList } from '../../contract/fields.ts'
import { toDeviceResource } from '../../domain/resources/device.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { isLock } from '../../sandbox/devices.ts'
import { SCOPED_READERS } from '../found.ts'
import { accountFilter, deviceFilter } from '../devices/filters.ts'

/** Seam answers locks/list unpaged; the cap keeps one answer bounded. */
const MAX_LOCKS = 10_000

export default defineRoute({
  path: '/locks/list',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description: 'Lists locks, newest first, under both `locks` and `devices`. A client session token sees only its scope’s locks.',
  params: z.object({
    connected_account_id: id().optional(),
    connected_account_ids: idList().optional(),
    device_ids: idList().optional(),
  }),
  response: z.object({ locks: z.array(deviceSchema), devices: z.array(deviceSchema) }),
  async handler({ params, auth, context }) {
    const filter = deviceFilter(accountFilter(params.connected_account_id, params.connected_account_ids), params.device_ids)
    const page = await context.store.listDevices(scopeOf(auth), filter, { limit: MAX_LOCKS, after: undefined })
    const locks = page.items.filter((d) => isLock(d.deviceType)).map(toDeviceResource)
    return { locks, devices: locks }
  },
})
