import { z } from 'zod'

import { futureTimestamp, id } from '../../../contract/fields.ts'
import { maxOverridePeriodMinutes, thermostatScheduleSchema } from '../../../contract/thermostat-schedule.ts'
import { toThermostatScheduleResource } from '../../../domain/resources/thermostat-schedule.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { createSchedule } from '../../../domain/thermostat-schedule-actions.ts'
import { defineRoute } from '../../../http/route.ts'
import { SCOPED_READERS } from '../../found.ts'

export default defineRoute({
  path: '/thermostats/schedules/create',
  methods: ['POST'],
  auth: SCOPED_READERS,
  description:
    'Schedules one of the thermostat’s climate presets from `starts_at` to `ends_at` (a start already past takes effect at once). At the start the preset becomes `current_climate_setting` and `thermostat.climate_preset_activated` is recorded; at the end the fallback climate preset takes over, if the thermostat has one.',
  params: z.object({
    device_id: id(),
    climate_preset_key: z.string().min(1),
    starts_at: futureTimestamp(),
    ends_at: futureTimestamp(),
    name: z.string().optional(),
    is_override_allowed: z.boolean().optional(),
    max_override_period_minutes: maxOverridePeriodMinutes().optional(),
  }),
  response: z.object({ thermostat_schedule: thermostatScheduleSchema }),
  async handler({ params, auth, context }) {
    const schedule = await createSchedule(context, scopeOf(auth), params.device_id, params)
    return { thermostat_schedule: toThermostatScheduleResource(schedule) }
  },
})
