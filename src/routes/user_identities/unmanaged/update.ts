import { z } from 'zod'

import { ApiError, notFound } from '../../../contract/api-error.ts'
import { id } from '../../../contract/fields.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { SCOPED_READERS } from '../../found.ts'

export default defineRoute({
  path: '/user_identities/unmanaged/update',
  methods: ['POST', 'PATCH'],
  auth: SCOPED_READERS,
  description:
    'Converts an unmanaged user identity to a managed one (`is_managed: true`, the only change Seam allows), with `user_identity_key` when given: it then answers user_identities/get and list, and no longer unmanaged/*. A client session token converts only its own identity.',
  params: z.object({ user_identity_id: id(), is_managed: z.literal(true), user_identity_key: z.string().min(1).max(255).optional() }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    const result = await context.store.manageUserIdentity(scopeOf(auth), params.user_identity_id, params.user_identity_key)
    if (result === 'not_found') throw notFound('user_identity')
    if (result === 'key_in_use')
      throw new ApiError(
        400,
        'user_identity_key_already_in_use',
        `A user identity with key ${params.user_identity_key ?? ''} already exists.`,
      )
    return {}
  },
})
