import { z } from 'zod'

import { notFound } from '../../../contract/api-error.ts'
import { id } from '../../../contract/fields.ts'
import { unmanagedUserIdentitySchema } from '../../../contract/user-identity.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { unmanagedUserIdentityResources } from '../../../domain/user-identities.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'

export default defineRoute({
  path: '/user_identities/unmanaged/get',
  methods: ['GET', 'POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Returns an unmanaged user identity: one Latchkey made for an access system’s user when its account was connected. A managed identity answers user_identity_not_found.',
  params: z.object({ user_identity_id: id() }),
  response: z.object({ user_identity: unmanagedUserIdentitySchema }),
  async handler({ params, auth, context }) {
    const identity = await context.store.getUnmanagedUserIdentity(scopeOf(auth), params.user_identity_id)
    if (identity === undefined) throw notFound('user_identity')
    return { user_identity: (await unmanagedUserIdentityResources(context, auth.workspaceId, [identity]))[0] }
  },
})
