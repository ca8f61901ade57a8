import { z } from 'zod'

import { id } from '../../../contract/fields.ts'
import { addDeviceError } from '../../../sandbox/device-conditions.ts'
import { simulateOnDevice } from '../../../domain/simulation.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'

// Seam's security list: API key, PAT and customer client sessions, which Latchkey does not issue; not a plain client session.
export default defineRoute({
  path: '/devices/simulate/disconnect_from_hub',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Sandbox only: the hub the device reaches Seam through goes offline: a `hub_disconnected` error, the device offline, `device.disconnected` with that error code.',
  params: z.object({ device_id: id() }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    await simulateOnDevice(
      context,
      auth.workspaceId,
      'devices/simulate/disconnect_from_hub',
      params.device_id,
      addDeviceError('hub_disconnected', context.clock.now().toISOString()),
    )
    return {}
  },
})
