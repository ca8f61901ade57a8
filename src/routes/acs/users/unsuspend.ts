import { z } from 'zod'

import { notFound } from '../../../contract/api-error.ts'
import { findAcsUser } from '../../../domain/acs.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'
import { acsUserRefParams } from './get.ts'

export default defineRoute({
  path: '/acs/users/unsuspend',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description: 'Unsuspends an acs user: it reaches again what its groups and grants give it.',
  params: z.object(acsUserRefParams),
  response: z.object({}),
  async handler({ params, auth, context }) {
    const user = await findAcsUser(context, scopeOf(auth), params)
    if ((await context.store.updateAcsUser(auth.workspaceId, user.acsUserId, { isSuspended: false }, [])) === undefined)
      throw notFound('acs_user')
    return {}
  },
})
