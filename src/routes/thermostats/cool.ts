import { z } from 'zod'

import { actionAttemptSchema } from '../../contract/action-attempt.ts'
import { id } from '../../contract/fields.ts'
import { toActionAttemptResource } from '../../domain/resources/action-attempt.ts'
import { scopeOf } from '../../domain/scope.ts'
import { setHvacMode } from '../../domain/thermostats/hvac.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'
import { coolingSetPointParams } from './set-point-params.ts'

export default defineRoute({
  path: '/thermostats/cool',
  methods: ['POST'],
  auth: SCOPED_READERS,
  description:
    'Sets the thermostat to cool, to the cooling set point given (or the one it keeps), within its limits. Answers a SET_HVAC_MODE attempt.',
  params: z.object({ device_id: id(), ...coolingSetPointParams, sync: z.boolean().optional() }),
  actionAttemptType: 'SET_HVAC_MODE',
  response: z.object({ action_attempt: actionAttemptSchema }),
  async handler({ params, auth, context }) {
    const attempt = await setHvacMode(context, scopeOf(auth), params.device_id, 'cool', params)
    return { action_attempt: toActionAttemptResource(attempt, params.sync !== true) }
  },
})
