import { randomUUID } from 'node:crypto'

import { z } from 'zod'

import { invalidField, notFound } from '../../../contract/api-error.ts'
import { acsUserSchema } from '../../../contract/acs-user.ts'
import { id, idList } from '../../../contract/fields.ts'
import { acsEvent, acsUserResources } from '../../../domain/acs.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { found, WORKSPACE_KEYS } from '../../found.ts'
import { accessScheduleParam, readAccessSchedule } from './access-schedule.ts'

const USER_EXTERNAL_TYPES: Readonly<Record<string, string>> = { salto_space_system: 'salto_space_user', salto_ks_site: 'salto_site_user' }

export default defineRoute({
  path: '/acs/users/create',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Creates a user of an access control system, optionally of a user identity and a member of access groups of that system (reaching their entrances).',
  params: z.object({
    acs_system_id: id(),
    full_name: z.string().min(1).max(255),
    email_address: z.email().max(320).optional(),
    email: z.email().max(320).optional().describe('Deprecated: `email_address`.'),
    phone_number: z.string().min(1).max(40).optional(),
    user_identity_id: id().optional(),
    acs_access_group_ids: idList().optional(),
    access_schedule: accessScheduleParam.optional(),
  }),
  response: z.object({ acs_user: acsUserSchema }),
  async handler({ params, auth, context }) {
    const scope = scopeOf(auth)
    const at = context.clock.now().toISOString()
    const system = found(await context.store.getAcsSystem(scope, params.acs_system_id), 'acs_system')
    if (params.user_identity_id !== undefined) found(await context.store.getUserIdentity(scope, params.user_identity_id), 'user_identity')
    const schedule = readAccessSchedule(params.access_schedule, at)
    const user = {
      acsUserId: randomUUID(),
      workspaceId: auth.workspaceId,
      acsSystemId: system.acsSystemId,
      connectedAccountId: system.connectedAccountId,
      userIdentityId: params.user_identity_id ?? null,
      externalType: USER_EXTERNAL_TYPES[system.externalType] ?? 'salto_site_user',
      fullName: params.full_name,
      emailAddress: params.email_address ?? params.email ?? null,
      phoneNumber: params.phone_number ?? null,
      isSuspended: false,
      accessStartsAt: schedule?.startsAt ?? null,
      accessEndsAt: schedule?.endsAt ?? null,
      createdAt: at,
    }
    const outcome = await context.store.insertAcsUser(user, params.acs_access_group_ids ?? [], [
      acsEvent(user, 'acs_user.created', at, { acs_user_id: user.acsUserId }),
    ])
    if (outcome === 'system_not_found') throw notFound('acs_system')
    if (outcome === 'access_group_not_found')
      throw invalidField('acs_access_group_ids', 'every access group must be one of the system’s: one is not')
    const [resource] = await acsUserResources(context, auth.workspaceId, [user])
    return { acs_user: resource }
  },
})
