import { z } from 'zod'

import { notFound } from '../../../contract/api-error.ts'
import { acsEvent, findAcsUser } from '../../../domain/acs.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'
import { acsUserRefParams } from './get.ts'

export default defineRoute({
  path: '/acs/users/delete',
  methods: ['DELETE', 'POST'],
  auth: WORKSPACE_KEYS,
  description: 'Deletes an acs user with its memberships, grants and credentials: it reaches nothing any more.',
  params: z.object(acsUserRefParams),
  response: z.object({}),
  async handler({ params, auth, context }) {
    const user = await findAcsUser(context, scopeOf(auth), params)
    const at = context.clock.now().toISOString()
    const event = acsEvent(user, 'acs_user.deleted', at, { acs_user_id: user.acsUserId })
    if (!(await context.store.deleteAcsUser(auth.workspaceId, user.acsUserId, [event]))) throw notFound('acs_user')
    return {}
  },
})
