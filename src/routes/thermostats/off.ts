import { z } from 'zod'

import { actionAttemptSchema } from '../../contract/action-attempt.ts'
import { id } from '../../contract/fields.ts'
import { toActionAttemptResource } from '../../domain/resources/action-attempt.ts'
import { scopeOf } from '../../domain/scope.ts'
import { setHvacMode } from '../../domain/thermostats/hvac.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'

export default defineRoute({
  path: '/thermostats/off',
  methods: ['POST'],
  auth: SCOPED_READERS,
  description: 'Turns the thermostat’s heating and cooling off. Answers a SET_HVAC_MODE attempt.',
  params: z.object({ device_id: id(), sync: z.boolean().optional() }),
  actionAttemptType: 'SET_HVAC_MODE',
  response: z.object({ action_attempt: actionAttemptSchema }),
  async handler({ params, auth, context }) {
    const attempt = await setHvacMode(context, scopeOf(auth), params.device_id, 'off', {})
    return { action_attempt: toActionAttemptResource(attempt, params.sync !== true) }
  },
})
