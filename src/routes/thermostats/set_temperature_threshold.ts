import { z } from 'zod'

import { id } from '../../contract/fields.ts'
import { scopeOf } from '../../domain/scope.ts'
import { setTemperatureThreshold } from '../../domain/thermostats/temperature.ts'
import { defineRoute } from '../../http/route.ts'
import { WORKSPACE_KEYS } from '../found.ts'

export default defineRoute({
  path: '/thermostats/set_temperature_threshold',
  methods: ['PATCH', 'POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Sets the temperatures the room should stay between (`temperature_threshold`); a limit left out is none. Leaving them records `thermostat.temperature_threshold_exceeded`.',
  params: z.object({
    device_id: id(),
    lower_limit_celsius: z.number().nullable().optional(),
    lower_limit_fahrenheit: z.number().nullable().optional(),
    upper_limit_celsius: z.number().nullable().optional(),
    upper_limit_fahrenheit: z.number().nullable().optional(),
  }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    await setTemperatureThreshold(context, scopeOf(auth), params.device_id, params)
    return {}
  },
})
