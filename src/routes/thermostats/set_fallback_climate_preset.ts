import { z } from 'zod'

import { id } from '../../contract/fields.ts'
import { scopeOf } from '../../domain/scope.ts'
import { setFallbackPreset } from '../../domain/thermostats/presets.ts'
import { defineRoute } from '../../http/route.ts'
import { WORKSPACE_KEYS } from '../found.ts'

export default defineRoute({
  path: '/thermostats/set_fallback_climate_preset',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description: 'Names the preset the thermostat returns to when a thermostat schedule ends (`fallback_climate_preset_key`).',
  params: z.object({ device_id: id(), climate_preset_key: z.string().min(1).max(100) }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    await setFallbackPreset(context, scopeOf(auth), params.device_id, params.climate_preset_key)
    return {}
  },
})
