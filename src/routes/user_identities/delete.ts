import { z } from 'zod'

import { notFound } from '../../contract/api-error.ts'
import { id } from '../../contract/fields.ts'
import { defineRoute } from '../../http/route.ts'
import { WORKSPACE_KEYS } from '../found.ts'

export default defineRoute({
  path: '/user_identities/delete',
  methods: ['DELETE', 'POST'],
  auth: WORKSPACE_KEYS,
  description: 'Deletes a user identity and detaches it from the client sessions that held it.',
  params: z.object({ user_identity_id: id() }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    if (!(await context.store.deleteUserIdentity(auth.workspaceId, params.user_identity_id))) throw notFound('user_identity')
    return {}
  },
})
