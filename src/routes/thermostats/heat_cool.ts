import { z } from 'zod'

import { actionAttemptSchema } from '../../contract/action-attempt.ts'
import { id } from '../../contract/fields.ts'
import { toActionAttemptResource } from '../../domain/resources/action-attempt.ts'
import { scopeOf } from '../../domain/scope.ts'
import { setHvacMode } from '../../domain/thermostats/hvac.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'
import { coolingSetPointParams, heatingSetPointParams } from './set-point-params.ts'

export default defineRoute({
  path: '/thermostats/heat_cool',
  methods: ['POST'],
  auth: SCOPED_READERS,
  description:
    'Sets the thermostat to heat and cool between the two set points, at least its minimum delta apart. Answers a SET_HVAC_MODE attempt.',
  params: z.object({ device_id: id(), ...heatingSetPointParams, ...coolingSetPointParams, sync: z.boolean().optional() }),
  actionAttemptType: 'SET_HVAC_MODE',
  response: z.object({ action_attempt: actionAttemptSchema }),
  async handler({ params, auth, context }) {
    const attempt = await setHvacMode(context, scopeOf(auth), params.device_id, 'heat_cool', params)
    return { action_attempt: toActionAttemptResource(attempt, params.sync !== true) }
  },
})
