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
    'Sandbox only: the room reached this temperature. Heating and cooling follow; crossing a set point or the temperature threshold records Seam’s thermostat events.',
  params: z.object({ device_id: id(), temperature_celsius: z.number().optional(), temperature_fahrenheit: z.number().optional() }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    await requireSandboxWorkspace(context, auth.workspaceId, '/thermostats/simulate/temperature_reached')
    await simulateTemperatureReached(context, scopeOf(auth), params.device_id, params)
    return {}
  },
})
