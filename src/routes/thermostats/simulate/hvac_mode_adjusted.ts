import { z } from 'zod'

import { id } from '../../../contract/fields.ts'
import { requireSandboxWorkspace } from '../../../domain/sandbox-only.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { simulateHvacAdjusted } from '../../../domain/thermostats/hvac.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'
import { coolingSetPointParams, heatingSetPointParams, HVAC_MODES } from '../set-point-params.ts'

export default defineRoute({
  path: '/thermostats/simulate/hvac_mode_adjusted',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Sandbox only: someone at the thermostat set this HVAC mode (and set points); `thermostat.manually_adjusted` with method `external`.',
  params: z.object({ device_id: id(), hvac_mode: z.enum(HVAC_MODES), ...heatingSetPointParams, ...coolingSetPointParams }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    await requireSandboxWorkspace(context, auth.workspaceId, '/thermostats/simulate/hvac_mode_adjusted')
    await simulateHvacAdjusted(context, scopeOf(auth), params.device_id, params.hvac_mode, params)
    return {}
  },
})
