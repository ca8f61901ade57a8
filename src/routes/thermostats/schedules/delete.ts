import { z } from 'zod'

import { id } from '../../../contract/fields.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { deleteSchedule } from '../../../domain/thermostat-schedule-actions.ts'
import { defineRoute } from '../../../http/route.ts'
import { SCOPED_READERS } from '../../found.ts'

export default defineRoute({
  path: '/thermostats/schedules/delete',
  methods: ['DELETE', 'POST'],
  auth: SCOPED_READERS,
  description: 'Deletes a thermostat schedule. If it was in effect, the fallback climate preset takes over.',
  params: z.object({ thermostat_schedule_id: id() }),
  responseKey: null,
  response: z.object({}),
  async handler({ params, auth, context }) {
    await deleteSchedule(context, scopeOf(auth), params.thermostat_schedule_id)
    return {}
  },
})
