import { z } from 'zod'

import { id } from '../../../contract/fields.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { deleteDailyProgram } from '../../../domain/thermostat-daily-programs.ts'
import { defineRoute } from '../../../http/route.ts'
import { SCOPED_READERS } from '../../found.ts'

export default defineRoute({
  path: '/thermostats/daily_programs/delete',
  methods: ['DELETE', 'POST'],
  auth: SCOPED_READERS,
  description: 'Deletes a daily program; the weekdays of the weekly program that ran it run none.',
  params: z.object({ thermostat_daily_program_id: id() }),
  responseKey: null,
  response: z.object({}),
  async handler({ params, auth, context }) {
    await deleteDailyProgram(context, scopeOf(auth), params.thermostat_daily_program_id)
    return {}
  },
})
