import { z } from 'zod'

import { notFound } from '../../../contract/api-error.ts'
import { id } from '../../../contract/fields.ts'
import { requireSandboxWorkspace } from '../../../domain/sandbox-only.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'

// Seam's security list: API key, PAT and customer client sessions, which Latchkey does not issue; not a plain client session.
export default defineRoute({
  path: '/devices/simulate/remove',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Sandbox only: the device is removed from its account as if taken out at the provider; it then answers 404 everywhere, its access codes with it, and `device.removed` is recorded.',
  params: z.object({ device_id: id() }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    await requireSandboxWorkspace(context, auth.workspaceId, 'devices/simulate/remove')
    const occurredAt = context.clock.now().toISOString()
    const removed = await context.store.removeDevice(auth.workspaceId, params.device_id, (device) => ({
      workspaceId: device.workspaceId,
      eventType: 'device.removed',
      deviceId: device.deviceId,
      connectedAccountId: device.connectedAccountId,
      occurredAt,
    }))
    if (!removed) throw notFound('device')
    return {}
  },
})
