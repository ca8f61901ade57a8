import { z } from 'zod'

import { acsUserSchema } from '../../contract/acs-user.ts'
import { id } from '../../contract/fields.ts'
import { toAcsUserResource } from '../../domain/resources/acs-user.ts'
import { scopeOf } from '../../domain/scope.ts'
import { identityInScope } from '../../domain/user-identities.ts'
import { defineRoute } from '../../http/route.ts'
import { WORKSPACE_KEYS } from '../found.ts'

/** All of an identity's users on one answer (Seam's route is not paginated); an identity has a few. */
const ALL = { limit: 10_000, after: undefined }

export default defineRoute({
  path: '/user_identities/list_acs_users',
  methods: ['GET', 'POST'],
  auth: WORKSPACE_KEYS,
  description: 'Lists the access system users linked to a user identity, newest first.',
  params: z.object({ user_identity_id: id() }),
  response: z.object({ acs_users: z.array(acsUserSchema) }),
  async handler({ params, auth, context }) {
    const scope = scopeOf(auth)
    const identity = await identityInScope(context, scope, params.user_identity_id)
    const page = await context.store.listAcsUsers(scope, { userIdentityId: identity.userIdentityId }, ALL)
    return { acs_users: page.items.map((u) => toAcsUserResource(u, identity)) }
  },
})
