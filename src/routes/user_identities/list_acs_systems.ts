import { z } from 'zod'

import { acsSystemSchema } from '../../contract/acs-system.ts'
import { id } from '../../contract/fields.ts'
import { toAcsSystemResource } from '../../domain/resources/acs-system.ts'
import { scopeOf } from '../../domain/scope.ts'
import { identityInScope } from '../../domain/user-identities.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'

const ALL = { limit: 10_000, after: undefined }

export default defineRoute({
  path: '/user_identities/list_acs_systems',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description:
    'Lists the access systems of a user identity’s access system users, newest first. A client session token reads only its own identity’s.',
  params: z.object({ user_identity_id: id() }),
  response: z.object({ acs_systems: z.array(acsSystemSchema) }),
  async handler({ params, auth, context }) {
    const scope = scopeOf(auth)
    const identity = await identityInScope(context, scope, params.user_identity_id)
    const users = await context.store.listAcsUsers(scope, { userIdentityId: identity.userIdentityId }, ALL)
    const systems = await context.store.listAcsSystems(scope, { ids: [...new Set(users.items.map((u) => u.acsSystemId))] })
    return { acs_systems: systems.map(toAcsSystemResource) }
  },
})
