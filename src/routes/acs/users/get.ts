import { z } from 'zod'

import { acsUserSchema } from '../../../contract/acs-user.ts'
import { id } from '../../../contract/fields.ts'
import { acsUserResources, findAcsUser } from '../../../domain/acs.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'

/** How the acs user routes name their user (domain/acs.ts findAcsUser). */
export const acsUserRefParams = { acs_user_id: id().optional(), user_identity_id: id().optional(), acs_system_id: id().optional() }

export default defineRoute({
  path: '/acs/users/get',
  methods: ['GET', 'POST'],
  auth: WORKSPACE_KEYS,
  description: 'Returns a user of an access control system, by `acs_user_id` or by its user identity (and system).',
  params: z.object(acsUserRefParams),
  response: z.object({ acs_user: acsUserSchema }),
  async handler({ params, auth, context }) {
    const user = await findAcsUser(context, scopeOf(auth), params)
    const [resource] = await acsUserResources(context, auth.workspaceId, [user])
    return { acs_user: resource }
  },
})
