import { z } from 'zod'

import { actionAttemptSchema } from '../../../contract/action-attempt.ts'
import { id } from '../../../contract/fields.ts'
import { updateNoiseThreshold } from '../../../domain/noise-thresholds.ts'
import { toActionAttemptResource } from '../../../domain/resources/action-attempt.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'
import { dailyWindowParams, thresholdFieldParams } from './fields.ts'

// Seam's SDK sends PUT (v1) or PATCH (v2); its document lists POST too.
export default defineRoute({
  path: '/noise_sensors/noise_thresholds/update',
  methods: ['POST', 'PUT', 'PATCH'],
  auth: WORKSPACE_KEYS,
  description:
    'Changes the fields given of a noise sensor’s threshold and keeps the others. Answers an UPDATE_NOISE_THRESHOLD action attempt whose result is the threshold as changed.',
  params: z.object({
    device_id: id(),
    noise_threshold_id: id(),
    starts_daily_at: dailyWindowParams.starts_daily_at.optional(),
    ends_daily_at: dailyWindowParams.ends_daily_at.optional(),
    ...thresholdFieldParams,
  }),
  responseKey: null,
  actionAttemptType: 'UPDATE_NOISE_THRESHOLD',
  response: z.object({ action_attempt: actionAttemptSchema }),
  async handler({ params, auth, context }) {
    const { device_id, noise_threshold_id, sync, ...fields } = params
    const attempt = await updateNoiseThreshold(context, scopeOf(auth), device_id, noise_threshold_id, fields)
    return { action_attempt: toActionAttemptResource(attempt, sync !== true) }
  },
})
