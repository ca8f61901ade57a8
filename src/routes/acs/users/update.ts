import { z } from 'zod'

import { notFound } from '../../../contract/api-error.ts'
import { findAcsUser } from '../../../domain/acs.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { optional } from '../../../store/optional.ts'
import { WORKSPACE_KEYS } from '../../found.ts'
import { accessScheduleParam, readAccessSchedule } from './access-schedule.ts'
import { acsUserRefParams } from './get.ts'

export default defineRoute({
  path: '/acs/users/update',
  methods: ['PATCH', 'POST'],
  auth: WORKSPACE_KEYS,
  description: 'Changes an acs user’s name, email address, phone number or access schedule (`null` removes the schedule).',
  params: z.object({
    ...acsUserRefParams,
    full_name: z.string().min(1).max(255).optional(),
    email_address: z.email().max(320).optional(),
    email: z.email().max(320).optional().describe('Deprecated: `email_address`.'),
    phone_number: z.string().min(1).max(40).optional(),
    access_schedule: accessScheduleParam.nullable().optional(),
  }),
  unsupported: ['hid_acs_system_id'],
  response: z.object({}),
  async handler({ params, auth, context }) {
    const user = await findAcsUser(context, scopeOf(auth), params)
    const at = context.clock.now().toISOString()
    const schedule = params.access_schedule === null ? null : readAccessSchedule(params.access_schedule, at)
    const changes = optional({
      fullName: params.full_name,
      emailAddress: params.email_address ?? params.email,
      phoneNumber: params.phone_number,
      accessStartsAt: schedule === undefined ? undefined : (schedule?.startsAt ?? null),
      accessEndsAt: schedule === undefined ? undefined : (schedule?.endsAt ?? null),
    })
    if ((await context.store.updateAcsUser(auth.workspaceId, user.acsUserId, changes, [])) === undefined) throw notFound('acs_user')
    return {}
  },
})
