import { z } from 'zod'

import { actionAttemptSchema } from '../../contract/action-attempt.ts'
import { id } from '../../contract/fields.ts'
import { toActionAttemptResource } from '../../domain/resources/action-attempt.ts'
import { scopeOf } from '../../domain/scope.ts'
import { activatePreset } from '../../domain/thermostats/presets.ts'
import { defineRoute } from '../../http/route.ts'
import { WORKSPACE_KEYS } from '../found.ts'

export default defineRoute({
  path: '/thermostats/activate_climate_preset',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Makes a preset the thermostat’s current climate setting; `thermostat.climate_preset_activated`. Answers an ACTIVATE_CLIMATE_PRESET attempt.',
  params: z.object({ device_id: id(), climate_preset_key: z.string().min(1).max(100) }),
  actionAttemptType: 'ACTIVATE_CLIMATE_PRESET',
  response: z.object({ action_attempt: actionAttemptSchema }),
  async handler({ params, auth, context }) {
    const attempt = await activatePreset(context, scopeOf(auth), params.device_id, params.climate_preset_key)
    return { action_attempt: toActionAttemptResource(attempt, true) }
  },
})
