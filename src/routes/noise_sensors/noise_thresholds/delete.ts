import { z } from 'zod'

import { actionAttemptSchema } from '../../../contract/action-attempt.ts'
import { id } from '../../../contract/fields.ts'
import { deleteNoiseThreshold } from '../../../domain/noise-thresholds.ts'
import { toActionAttemptResource } from '../../../domain/resources/action-attempt.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'

export default defineRoute({
  path: '/noise_sensors/noise_thresholds/delete',
  methods: ['POST', 'DELETE'],
  auth: WORKSPACE_KEYS,
  description:
    'Removes a threshold from its noise sensor (which stops reporting it as triggering). Answers a DELETE_NOISE_THRESHOLD action attempt.',
  params: z.object({ device_id: id(), noise_threshold_id: id(), sync: z.boolean().optional() }),
  responseKey: null,
  actionAttemptType: 'DELETE_NOISE_THRESHOLD',
  response: z.object({ action_attempt: actionAttemptSchema }),
  async handler({ params, auth, context }) {
    const attempt = await deleteNoiseThreshold(context, scopeOf(auth), params.device_id, params.noise_threshold_id)
    return { action_attempt: toActionAttemptResource(attempt, params.sync !== true) }
  },
})
