import { z } from 'zod'

import { id } from '../../contract/fields.ts'
import { scopeOf } from '../../domain/scope.ts'
import { deletePreset } from '../../domain/thermostats/presets.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'

export default defineRoute({
  path: '/thermostats/delete_climate_preset',
  methods: ['POST', 'DELETE'],
  auth: SCOPED_READERS,
  description:
    'Removes a preset the thermostat lets go of (`can_delete`); no longer its fallback. The thermostat keeps its current setting.',
  params: z.object({ device_id: id(), climate_preset_key: z.string().min(1).max(100) }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    await deletePreset(context, scopeOf(auth), params.device_id, params.climate_preset_key)
    return {}
  },
})
