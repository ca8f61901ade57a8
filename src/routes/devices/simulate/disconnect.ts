import { z } from 'zod'

import { id } from '../../../contract/fields.ts'
import { addDeviceError } from '../../../sandbox/device-conditions.ts'
import { simulateOnDevice } from '../../../domain/simulation.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'

// Seam's security list: API key, PAT and customer client sessions, which Latchkey does not issue; not a plain client session.
export default defineRoute({
  path: '/devices/simulate/disconnect',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description: 'Sandbox only: the device goes offline with a `device_disconnected` error, and `device.disconnected` is recorded.',
  params: z.object({ device_id: id() }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    await simulateOnDevice(
      context,
      auth.workspaceId,
      'devices/simulate/disconnect',
      params.device_id,
      addDeviceError('device_disconnected', context.clock.now().toISOString()),
    )
    return {}
  },
})
