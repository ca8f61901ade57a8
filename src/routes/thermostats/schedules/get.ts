import { z } from 'zod'

import { id } from '../../../contract/fields.ts'
import { thermostatScheduleSchema } from '../../../contract/thermostat-schedule.ts'
import { toThermostatScheduleResource } from '../../../domain/resources/thermostat-schedule.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { scheduleInScope } from '../../../domain/thermostat-schedule-actions.ts'
import { defineRoute } from '../../../http/route.ts'
import { SCOPED_READERS } from '../../found.ts'

export default defineRoute({
  path: '/thermostats/schedules/get',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description: 'Returns a thermostat schedule. A client session token reaches only the schedules of its scope’s thermostats.',
  params: z.object({ thermostat_schedule_id: id() }),
  response: z.object({ thermostat_schedule: thermostatScheduleSchema }),
  async handler({ params, auth, context }) {
    const schedule = await scheduleInScope(context, scopeOf(auth), params.thermostat_schedule_id)
    return { thermostat_schedule: toThermostatScheduleResource(schedule) }
  },
})
