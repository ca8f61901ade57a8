import { z } from 'zod'

import { id } from '../../../contract/fields.ts'
import { thermostatScheduleSchema } from '../../../contract/thermostat-schedule.ts'
import { toThermostatScheduleResource } from '../../../domain/resources/thermostat-schedule.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { thermostatInScope } from '../../../domain/thermostats/thermostat.ts'
import { defineRoute } from '../../../http/route.ts'
import { SCOPED_READERS } from '../../found.ts'

export default defineRoute({
  path: '/thermostats/schedules/list',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description: 'Lists a thermostat’s schedules, earliest start first.',
  params: z.object({ device_id: id() }),
  // Seam filters by a user identifier key that Latchkey's schedules do not carry.
  unsupported: ['user_identifier_key'],
  response: z.object({ thermostat_schedules: z.array(thermostatScheduleSchema) }),
  async handler({ params, auth, context }) {
    const device = await thermostatInScope(context, scopeOf(auth), params.device_id)
    const schedules = await context.store.listThermostatSchedules(device.workspaceId, device.deviceId)
    return { thermostat_schedules: schedules.map(toThermostatScheduleResource) }
  },
})
