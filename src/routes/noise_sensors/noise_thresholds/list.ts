import { z } from 'zod'

import { id } from '../../../contract/fields.ts'
import { noiseThresholdSchema } from '../../../contract/noise-threshold.ts'
import { noiseSensorInScope } from '../../../domain/noise-thresholds.ts'
import { toNoiseThresholdResource } from '../../../domain/resources/noise-threshold.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { SCOPED_READERS } from '../../found.ts'

export default defineRoute({
  path: '/noise_sensors/noise_thresholds/list',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description:
    'Lists a noise sensor’s thresholds, oldest first. Every threshold of a sandbox sensor is programmed on it, so `is_programmed: false` answers none. A client session token reaches only its scope’s sensors.',
  params: z.object({ device_id: id(), is_programmed: z.boolean().optional() }),
  response: z.object({ noise_thresholds: z.array(noiseThresholdSchema) }),
  async handler({ params, auth, context }) {
    const device = await noiseSensorInScope(context, scopeOf(auth), params.device_id)
    const thresholds = params.is_programmed === false ? [] : await context.store.listNoiseThresholds(device.workspaceId, device.deviceId)
    return { noise_thresholds: thresholds.map(toNoiseThresholdResource) }
  },
})
