import { z } from 'zod'

import { id } from '../../contract/fields.ts'
import { scopeOf } from '../../domain/scope.ts'
import { createPreset } from '../../domain/thermostats/presets.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'
import { presetParams, UNSUPPORTED_PRESET_PARAMS } from './preset-params.ts'

export default defineRoute({
  path: '/thermostats/create_climate_preset',
  methods: ['POST'],
  auth: SCOPED_READERS,
  description:
    'Adds a climate preset under a key the thermostat does not have yet: its HVAC mode, the set points the mode uses (within the thermostat’s limits and minimum delta) and fan.',
  params: z.object({ device_id: id(), climate_preset_key: z.string().min(1).max(100), ...presetParams }),
  unsupported: UNSUPPORTED_PRESET_PARAMS,
  response: z.object({}),
  async handler({ params, auth, context }) {
    await createPreset(context, scopeOf(auth), params.device_id, params.climate_preset_key, params)
    return {}
  },
})
