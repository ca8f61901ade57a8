import { z } from 'zod'

import { actionAttemptSchema } from '../../../contract/action-attempt.ts'
import { id } from '../../../contract/fields.ts'
import { dailyProgramPeriodSchema } from '../../../contract/thermostat-daily-program.ts'
import { toActionAttemptResource } from '../../../domain/resources/action-attempt.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { updateDailyProgram } from '../../../domain/thermostat-daily-programs.ts'
import { defineRoute } from '../../../http/route.ts'
import { SCOPED_READERS } from '../../found.ts'

export default defineRoute({
  path: '/thermostats/daily_programs/update',
  methods: ['PATCH', 'POST'],
  auth: SCOPED_READERS,
  description:
    'Replaces a daily program’s name and periods and pushes the programs to the thermostat; the sandbox thermostat takes them at once (a succeeded PUSH_THERMOSTAT_PROGRAMS attempt).',
  params: z.object({ thermostat_daily_program_id: id(), name: z.string(), periods: z.array(dailyProgramPeriodSchema) }),
  actionAttemptType: 'PUSH_THERMOSTAT_PROGRAMS',
  response: z.object({ action_attempt: actionAttemptSchema }),
  async handler({ params, auth, context }) {
    const attempt = await updateDailyProgram(context, scopeOf(auth), params.thermostat_daily_program_id, params.name, params.periods)
    return { action_attempt: toActionAttemptResource(attempt) }
  },
})
