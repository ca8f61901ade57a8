import { z } from 'zod'

import { notFound } from '../../contract/api-error.ts'
import { id } from '../../contract/fields.ts'
import { defineRoute } from '../../http/route.ts'
import { WORKSPACE_KEYS } from '../found.ts'

export default defineRoute({
  path: '/user_identities/remove_acs_user',
  methods: ['POST', 'DELETE'],
  auth: WORKSPACE_KEYS,
  description:
    'Unlinks an access system user from a user identity; the user stays in its system, held by no identity. A user not linked to this identity answers acs_user_not_found.',
  params: z.object({ user_identity_id: id(), acs_user_id: id() }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    const result = await context.store.changeIdentityAccess(
      auth.workspaceId,
      params.user_identity_id,
      { kind: 'remove_acs_user', acsUserId: params.acs_user_id },
      context.clock.now().toISOString(),
    )
    if (result === 'identity_not_found') throw notFound('user_identity')
    if (result === 'target_not_found') throw notFound('acs_user')
    return {}
  },
})
