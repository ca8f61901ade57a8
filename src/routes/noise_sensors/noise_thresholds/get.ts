import { z } from 'zod'

import { id } from '../../../contract/fields.ts'
import { noiseThresholdSchema } from '../../../contract/noise-threshold.ts'
import { toNoiseThresholdResource } from '../../../domain/resources/noise-threshold.ts'
import { defineRoute } from '../../../http/route.ts'
import { found, WORKSPACE_KEYS } from '../../found.ts'

// Seam's security list leaves client sessions out of this one (they list a sensor's thresholds instead).
export default defineRoute({
  path: '/noise_sensors/noise_thresholds/get',
  methods: ['GET', 'POST'],
  auth: WORKSPACE_KEYS,
  description: 'Returns a noise threshold by `noise_threshold_id`.',
  params: z.object({ noise_threshold_id: id() }),
  response: z.object({ noise_threshold: noiseThresholdSchema }),
  async handler({ params, auth, context }) {
    const threshold = await context.store.getNoiseThreshold(auth.workspaceId, params.noise_threshold_id)
    return { noise_threshold: toNoiseThresholdResource(found(threshold, 'noise_threshold')) }
  },
})
