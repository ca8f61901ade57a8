import { z } from 'zod'

import { paginationSchema } from '../../../contract/client-session.ts'
import { unmanagedDeviceSchema } from '../../../contract/unmanaged-device.ts'
import { toUnmanagedDeviceResource } from '../../../domain/resources/unmanaged-device.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'
import { pageParams, pageRequest, paginationOf } from '../../page-cursor.ts'
import { deviceListParams, readDeviceFilter, UNSUPPORTED_DEVICE_LIST_PARAMS } from '../filters.ts'

// Seam's security list names customer client sessions (which Latchkey does not issue), not a plain client session.
export default defineRoute({
  path: '/devices/unmanaged/list',
  methods: ['GET', 'POST'],
  auth: WORKSPACE_KEYS,
  description: 'Lists unmanaged devices, newest first, in Seam’s reduced shape, with the filters of devices/list.',
  params: z.object({ ...deviceListParams, ...pageParams }),
  unsupported: UNSUPPORTED_DEVICE_LIST_PARAMS,
  response: z.object({ devices: z.array(unmanagedDeviceSchema), pagination: paginationSchema }),
  async handler({ params, auth, context, nextPageUrl }) {
    const filter = { ...(await readDeviceFilter(context, auth.workspaceId, params)), unmanaged: true }
    const page = await context.store.listDevices(scopeOf(auth), filter, pageRequest(params))
    return {
      devices: page.items.map(toUnmanagedDeviceResource),
      pagination: paginationOf(page, (d) => ({ createdAt: d.createdAt, id: d.deviceId }), nextPageUrl),
    }
  },
})
