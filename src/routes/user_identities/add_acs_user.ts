import { z } from 'zod'

import { ApiError, notFound } from '../../contract/api-error.ts'
import { id } from '../../contract/fields.ts'
import { scopeOf } from '../../domain/scope.ts'
import { identityByIdOrKey } from '../../domain/user-identities.ts'
import { defineRoute } from '../../http/route.ts'
import { WORKSPACE_KEYS } from '../found.ts'

export default defineRoute({
  path: '/user_identities/add_acs_user',
  methods: ['POST', 'PUT'],
  auth: WORKSPACE_KEYS,
  description:
    'Links an access system user to a user identity (by `user_identity_id` or `user_identity_key`): the identity then reaches what the user reaches, and a client session of the identity reads the user. Linking again changes nothing; a user of another managed identity is refused (remove it there first).',
  params: z.object({ acs_user_id: id(), user_identity_id: id().optional(), user_identity_key: z.string().min(1).max(255).optional() }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    const identity = await identityByIdOrKey(context, scopeOf(auth), params)
    const at = context.clock.now().toISOString()
    const result = await context.store.changeIdentityAccess(
      auth.workspaceId,
      identity.userIdentityId,
      { kind: 'add_acs_user', acsUserId: params.acs_user_id },
      at,
    )
    if (result === 'identity_not_found') throw notFound('user_identity')
    if (result === 'target_not_found') throw notFound('acs_user')
    if (result === 'acs_user_of_another_identity')
      throw new ApiError(400, 'acs_user_already_linked_to_user_identity', 'The access system user belongs to another user identity.')
    return {}
  },
})
