import { z } from 'zod'

import { actionAttemptSchema } from '../../contract/action-attempt.ts'
import { id } from '../../contract/fields.ts'
import { toActionAttemptResource } from '../../domain/resources/action-attempt.ts'
import { scopeOf } from '../../domain/scope.ts'
import { updateWeeklyProgram } from '../../domain/thermostat-daily-programs.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'

const day = () => id().nullable().optional()

export default defineRoute({
  path: '/thermostats/update_weekly_program',
  methods: ['POST'],
  auth: SCOPED_READERS,
  description:
    'Sets which of the thermostat’s daily programs runs on each weekday (`properties.thermostat_weekly_program`); a day left out runs none. Pushed to the thermostat at once (a succeeded PUSH_THERMOSTAT_PROGRAMS attempt).',
  params: z.object({
    device_id: id(),
    monday_program_id: day(),
    tuesday_program_id: day(),
    wednesday_program_id: day(),
    thursday_program_id: day(),
    friday_program_id: day(),
    saturday_program_id: day(),
    sunday_program_id: day(),
  }),
  actionAttemptType: 'PUSH_THERMOSTAT_PROGRAMS',
  response: z.object({ action_attempt: actionAttemptSchema }),
  async handler({ params, auth, context }) {
    const { device_id: deviceId, ...days } = params
    const attempt = await updateWeeklyProgram(context, scopeOf(auth), deviceId, days)
    return { action_attempt: toActionAttemptResource(attempt) }
  },
})
