import { z } from 'zod'

import { actionAttemptSchema } from '../../contract/action-attempt.ts'
import { id } from '../../contract/fields.ts'
import { toActionAttemptResource } from '../../domain/resources/action-attempt.ts'
import { scopeOf } from '../../domain/scope.ts'
import { setHvacMode } from '../../domain/thermostats/hvac.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'
import { coolingSetPointParams, heatingSetPointParams, HVAC_MODES } from './set-point-params.ts'

export default defineRoute({
  path: '/thermostats/set_hvac_mode',
  methods: ['POST'],
  auth: SCOPED_READERS,
  description:
    'Sets the HVAC mode with the set points it uses (heat: heating, cool: cooling, heat_cool: both, off: none), as heat, cool, heat_cool and off do. Answers a SET_HVAC_MODE attempt.',
  params: z.object({
    device_id: id(),
    hvac_mode_setting: z.enum(HVAC_MODES),
    ...heatingSetPointParams,
    ...coolingSetPointParams,
    sync: z.boolean().optional(),
  }),
  actionAttemptType: 'SET_HVAC_MODE',
  response: z.object({ action_attempt: actionAttemptSchema }),
  async handler({ params, auth, context }) {
    const attempt = await setHvacMode(context, scopeOf(auth), params.device_id, params.hvac_mode_setting, params)
    return { action_attempt: toActionAttemptResource(attempt, params.sync !== true) }
  },
})
