import { z } from 'zod'

import { actionAttemptSchema } from '../../contract/action-attempt.ts'
import { id } from '../../contract/fields.ts'
import { toActionAttemptResource } from '../../domain/resources/action-attempt.ts'
import { scopeOf } from '../../domain/scope.ts'
import { setHvacMode } from '../../domain/thermostats/hvac.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'
import { heatingSetPointParams } from './set-point-params.ts'

export default defineRoute({
  path: '/thermostats/heat',
  methods: ['POST'],
  auth: SCOPED_READERS,
  description:
    'Sets the thermostat to heat, to the heating set point given (or the one it keeps), within its limits. Answers a SET_HVAC_MODE attempt.',
  params: z.object({ device_id: id(), ...heatingSetPointParams, sync: z.boolean().optional() }),
  actionAttemptType: 'SET_HVAC_MODE',
  response: z.object({ action_attempt: actionAttemptSchema }),
  async handler({ params, auth, context }) {
    const attempt = await setHvacMode(context, scopeOf(auth), params.device_id, 'heat', params)
    return { action_attempt: toActionAttemptResource(attempt, params.sync !== true) }
  },
})
