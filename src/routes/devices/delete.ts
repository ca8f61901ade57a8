import { z } from 'zod'

import { notFound } from '../../contract/api-error.ts'
import { id } from '../../contract/fields.ts'
import { defineRoute } from '../../http/route.ts'
import { WORKSPACE_KEYS } from '../found.ts'

/**
 * Undocumented in Seam's document (`x-undocumented`: deleting a device is no longer supported) yet
 * still served there, and called by SDK v1's `devices.delete()` when undocumented routes are on.
 */
export default defineRoute({
  path: '/devices/delete',
  methods: ['DELETE', 'POST'],
  auth: WORKSPACE_KEYS,
  description: 'Deprecated by Seam: deletes a device (managed or not) and its access codes, recording `device.deleted`.',
  params: z.object({ device_id: id() }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    const occurredAt = context.clock.now().toISOString()
    const deleted = await context.store.removeDevice(auth.workspaceId, params.device_id, (device) => ({
      workspaceId: device.workspaceId,
      eventType: 'device.deleted',
      deviceId: device.deviceId,
      connectedAccountId: device.connectedAccountId,
      occurredAt,
      details: { device_name: device.displayName },
    }))
    if (!deleted) throw notFound('device')
    return {}
  },
})
