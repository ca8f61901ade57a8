import { z } from 'zod'

import { id } from '../../contract/fields.ts'
import { scopeOf } from '../../domain/scope.ts'
import { updatePreset } from '../../domain/thermostats/presets.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'
import { presetParams, UNSUPPORTED_PRESET_PARAMS } from './preset-params.ts'

export default defineRoute({
  path: '/thermostats/update_climate_preset',
  methods: ['PATCH', 'POST'],
  auth: SCOPED_READERS,
  description:
    'Changes a preset’s fields given (the rest stay), checked as create_climate_preset checks them; the thermostat follows the preset it is set to.',
  params: z.object({ device_id: id(), climate_preset_key: z.string().min(1).max(100), ...presetParams }),
  unsupported: UNSUPPORTED_PRESET_PARAMS,
  response: z.object({}),
  async handler({ params, auth, context }) {
    await updatePreset(context, scopeOf(auth), params.device_id, params.climate_preset_key, params)
    return {}
  },
})
