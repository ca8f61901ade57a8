import { z } from 'zod'

import { id } from '../../../contract/fields.ts'
import { triggerNoiseThreshold } from '../../../domain/noise-thresholds.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'

// Seam's security list: API key, PAT and console sessions, which Latchkey does not issue; not a client session.
export default defineRoute({
  path: '/noise_sensors/simulate/trigger_noise_threshold',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Sandbox only: the sensor hears a noise 5 dB above the threshold that applies now (else its first): the threshold joins `currently_triggering_noise_threshold_ids` and `noise_sensor.noise_threshold_triggered` is recorded.',
  params: z.object({ device_id: id() }),
  responseKey: null,
  response: z.object({}),
  async handler({ params, auth, context }) {
    await triggerNoiseThreshold(context, auth.workspaceId, params.device_id)
    return {}
  },
})
