import { z } from 'zod'

import { actionAttemptSchema } from '../../../contract/action-attempt.ts'
import { id } from '../../../contract/fields.ts'
import { noiseThresholdSchema } from '../../../contract/noise-threshold.ts'
import { createNoiseThreshold } from '../../../domain/noise-thresholds.ts'
import { toActionAttemptResource } from '../../../domain/resources/action-attempt.ts'
import { toNoiseThresholdResource } from '../../../domain/resources/noise-threshold.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'
import { dailyWindowParams, thresholdFieldParams } from './fields.ts'

export default defineRoute({
  path: '/noise_sensors/noise_thresholds/create',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Adds a noise threshold to a noise sensor: the level tolerated (70 dB when not given) during a daily window. Answers the threshold and a CREATE_NOISE_THRESHOLD action attempt.',
  params: z.object({ device_id: id(), ...dailyWindowParams, ...thresholdFieldParams }),
  responseKey: 'noise_threshold',
  actionAttemptType: 'CREATE_NOISE_THRESHOLD',
  response: z.object({ action_attempt: actionAttemptSchema, noise_threshold: noiseThresholdSchema }),
  async handler({ params, auth, context }) {
    const { device_id, sync, ...fields } = params
    const { threshold, attempt } = await createNoiseThreshold(context, scopeOf(auth), device_id, fields)
    return { action_attempt: toActionAttemptResource(attempt, sync !== true), noise_threshold: toNoiseThresholdResource(threshold) }
  },
})
