import { z } from 'zod'

import { id } from '../../../contract/fields.ts'
import { clearDeviceError } from '../../../sandbox/device-conditions.ts'
import { simulateOnDevice } from '../../../domain/simulation.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'

// Seam's security list: API key, PAT and customer client sessions, which Latchkey does not issue; not a plain client session.
export default defineRoute({
  path: '/devices/simulate/connect',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Sandbox only: undoes devices/simulate/disconnect (the `device_disconnected` error goes; back online, `device.connected`, once nothing else keeps it offline).',
  params: z.object({ device_id: id() }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    await simulateOnDevice(
      context,
      auth.workspaceId,
      'devices/simulate/connect',
      params.device_id,
      clearDeviceError('device_disconnected', context.clock.now().toISOString()),
    )
    return {}
  },
})
