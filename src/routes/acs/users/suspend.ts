import { z } from 'zod'

import { notFound } from '../../../contract/api-error.ts'
import { findAcsUser } from '../../../domain/acs.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'
import { acsUserRefParams } from './get.ts'

export default defineRoute({
  path: '/acs/users/suspend',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description: 'Suspends an acs user: it reaches no entrance, and its credentials open none, until unsuspended.',
  params: z.object(acsUserRefParams),
  response: z.object({}),
  async handler({ params, auth, context }) {
    const user = await findAcsUser(context, scopeOf(auth), params)
    if ((await context.store.updateAcsUser(auth.workspaceId, user.acsUserId, { isSuspended: true }, [])) === undefined)
      throw notFound('acs_user')
    return {}
  },
})
