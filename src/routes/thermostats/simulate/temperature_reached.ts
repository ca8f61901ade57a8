import { z } from 'zod'

import { id } from '../../../contract/fields.ts'
import { requireSandboxWorkspace } from '../../../domain/sandbox-only.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { simulateTemperatureReached } from '../../../domain/thermostats/temperature.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'

export default defineRoute({
  path: '/thermostats/simulate/temperature_reached',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Sandbox only: the room reached this temperature; heating and cooling follow. Records `thermostat.temperature_changed`, `thermostat.temperature_reached_set_point` when it reaches the active set point, and `thermostat.temperature_threshold_exceeded` / `thermostat.temperature_threshold_no_longer_exceeded` when it leaves or re-enters the threshold.',
  params: z.object({ device_id: id(), temperature_celsius: z.number().optional(), temperature_fahrenheit: z.number().optional() }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    await requireSandboxWorkspace(context, auth.workspaceId, '/thermostats/simulate/temperature_reached')
    await simulateTemperatureReached(context, scopeOf(auth), params.device_id, params)
    return {}
  },
})
