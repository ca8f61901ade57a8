import { z } from 'zod'

import { futureTimestamp, id } from '../../../contract/fields.ts'
import { maxOverridePeriodMinutes } from '../../../contract/thermostat-schedule.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { updateSchedule } from '../../../domain/thermostat-schedule-actions.ts'
import { defineRoute } from '../../../http/route.ts'
import { SCOPED_READERS } from '../../found.ts'

export default defineRoute({
  path: '/thermostats/schedules/update',
  methods: ['PATCH', 'POST'],
  auth: SCOPED_READERS,
  description:
    'Changes a thermostat schedule’s name, preset, times or override rules. A schedule in effect whose preset or times change steps down (the fallback preset takes over) and takes effect again by its new times.',
  params: z.object({
    thermostat_schedule_id: id(),
    name: z.string().optional(),
    climate_preset_key: z.string().min(1).optional(),
    starts_at: futureTimestamp().optional(),
    ends_at: futureTimestamp().optional(),
    is_override_allowed: z.boolean().optional(),
    max_override_period_minutes: maxOverridePeriodMinutes().optional(),
  }),
  responseKey: null,
  response: z.object({}),
  async handler({ params, auth, context }) {
    await updateSchedule(context, scopeOf(auth), params.thermostat_schedule_id, params)
    return {}
  },
})
