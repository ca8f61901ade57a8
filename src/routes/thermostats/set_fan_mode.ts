import { z } from 'zod'

import { actionAttemptSchema } from '../../contract/action-attempt.ts'
import { invalidField } from '../../contract/api-error.ts'
import { id } from '../../contract/fields.ts'
import { toActionAttemptResource } from '../../domain/resources/action-attempt.ts'
import { scopeOf } from '../../domain/scope.ts'
import { setFanMode } from '../../domain/thermostats/hvac.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'
import { FAN_MODES } from './set-point-params.ts'

export default defineRoute({
  path: '/thermostats/set_fan_mode',
  methods: ['POST'],
  auth: SCOPED_READERS,
  description:
    'Sets the fan: `auto` (runs with heating or cooling) or `on`. `fan_mode` is Seam’s former name. Answers a SET_FAN_MODE attempt.',
  params: z.object({
    device_id: id(),
    fan_mode_setting: z.enum(FAN_MODES).optional(),
    fan_mode: z.enum(FAN_MODES).optional(),
    sync: z.boolean().optional(),
  }),
  actionAttemptType: 'SET_FAN_MODE',
  response: z.object({ action_attempt: actionAttemptSchema }),
  async handler({ params, auth, context }) {
    const fan = params.fan_mode_setting ?? params.fan_mode
    if (fan === undefined) throw invalidField('fan_mode_setting', 'Required')
    const attempt = await setFanMode(context, scopeOf(auth), params.device_id, fan)
    return { action_attempt: toActionAttemptResource(attempt, params.sync !== true) }
  },
})
