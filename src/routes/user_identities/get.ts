import { z } from 'zod'

import { invalidField, notFound } from '../../contract/api-error.ts'
import { id } from '../../contract/fields.ts'
import { userIdentitySchema } from '../../contract/user-identity.ts'
import { scopeOf } from '../../domain/scope.ts'
import { userIdentityResources } from '../../domain/user-identities.ts'
import { defineRoute } from '../../http/route.ts'
import { found, WORKSPACE_KEYS } from '../found.ts'

export default defineRoute({
  path: '/user_identities/get',
  methods: ['GET', 'POST'],
  // Seam's security list leaves client session tokens out; a session lists its own identity (user_identities/list).
  auth: WORKSPACE_KEYS,
  description: 'Returns one of the workspace’s user identities by `user_identity_id` or by `user_identity_key`.',
  params: z.object({ user_identity_id: id().optional(), user_identity_key: z.string().min(1).max(255).optional() }),
  response: z.object({ user_identity: userIdentitySchema }),
  async handler({ params, auth, context }) {
    const scope = scopeOf(auth)
    if (params.user_identity_id !== undefined) {
      const identity = found(await context.store.getUserIdentity(scope, params.user_identity_id), 'user_identity')
      // Both given: they must name the same identity.
      if (params.user_identity_key !== undefined && identity.userIdentityKey !== params.user_identity_key) throw notFound('user_identity')
      return { user_identity: (await userIdentityResources(context, auth.workspaceId, [identity]))[0] }
    }
    if (params.user_identity_key === undefined) throw invalidField('user_identity_id', 'user_identity_id or user_identity_key is required')
    const page = await context.store.listUserIdentities(
      scope,
      { userIdentityKey: params.user_identity_key },
      { limit: 1, after: undefined },
    )
    return { user_identity: (await userIdentityResources(context, auth.workspaceId, [found(page.items[0], 'user_identity')]))[0] }
  },
})
