import { z } from 'zod'

import { id } from '../../contract/fields.ts'
import { userIdentitySchema } from '../../contract/user-identity.ts'
import { toUserIdentityResource } from '../../domain/resources/user-identity.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { found, SCOPED_READERS } from '../found.ts'

export default defineRoute({
  path: '/user_identities/get',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description: 'Returns a user identity. A client session token reaches only its session’s own identity.',
  params: z.object({ user_identity_id: id() }),
  response: z.object({ user_identity: userIdentitySchema }),
  async handler({ params, auth, context }) {
    const identity = await context.store.getUserIdentity(scopeOf(auth), params.user_identity_id)
    return { user_identity: toUserIdentityResource(found(identity, 'user_identity')) }
  },
})
