import { z } from 'zod'

import { id } from '../../../contract/fields.ts'
import { dailyProgramPeriodSchema, thermostatDailyProgramSchema } from '../../../contract/thermostat-daily-program.ts'
import { toThermostatDailyProgramResource } from '../../../domain/resources/thermostat-daily-program.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { createDailyProgram } from '../../../domain/thermostat-daily-programs.ts'
import { defineRoute } from '../../../http/route.ts'
import { SCOPED_READERS } from '../../found.ts'

export default defineRoute({
  path: '/thermostats/daily_programs/create',
  methods: ['POST'],
  auth: SCOPED_READERS,
  description:
    'Creates a daily program on a thermostat: climate presets by time of day (`HH:MM:SS`), kept in the order of the day. The thermostat reports its programs in `properties.thermostat_daily_programs`; thermostats/update_weekly_program assigns them to weekdays.',
  params: z.object({ device_id: id(), name: z.string(), periods: z.array(dailyProgramPeriodSchema) }),
  response: z.object({ thermostat_daily_program: thermostatDailyProgramSchema }),
  async handler({ params, auth, context }) {
    const program = await createDailyProgram(context, scopeOf(auth), params.device_id, params.name, params.periods)
    return { thermostat_daily_program: toThermostatDailyProgramResource(program) }
  },
})
