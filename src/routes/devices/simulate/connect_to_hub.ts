import { z } from 'zod'

import { id } from '../../../contract/fields.ts'
import { clearDeviceError } from '../../../sandbox/device-conditions.ts'
import { simulateOnDevice } from '../../../domain/simulation.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'

// Seam's security list: API key, PAT and customer client sessions, which Latchkey does not issue; not a plain client session.
export default defineRoute({
  path: '/devices/simulate/connect_to_hub',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Sandbox only: undoes devices/simulate/disconnect_from_hub (the `hub_disconnected` error goes; `device.connected` once nothing else keeps it offline).',
  params: z.object({ device_id: id() }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    await simulateOnDevice(
      context,
      auth.workspaceId,
      'devices/simulate/connect_to_hub',
      params.device_id,
      clearDeviceError('hub_disconnected', context.clock.now().toISOString()),
    )
    return {}
  },
})
