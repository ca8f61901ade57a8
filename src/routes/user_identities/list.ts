import { z } from 'zod'

import { paginationSchema } from '../../contract/client-session.ts'
import { userIdentitySchema } from '../../contract/user-identity.ts'
import { toUserIdentityResource } from '../../domain/resources/user-identity.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { WORKSPACE_KEYS } from '../found.ts'
import { pageParams, pageRequest, paginationOf } from '../page-cursor.ts'

export default defineRoute({
  path: '/user_identities/list',
  methods: ['GET', 'POST'],
  auth: WORKSPACE_KEYS,
  description: 'Lists the workspace’s user identities, newest first.',
  params: z.object(pageParams),
  response: z.object({ user_identities: z.array(userIdentitySchema), pagination: paginationSchema }),
  async handler({ params, auth, context }) {
    const page = await context.store.listUserIdentities(scopeOf(auth), pageRequest(params))
    return {
      user_identities: page.items.map(toUserIdentityResource),
      pagination: paginationOf(page, (u) => ({ createdAt: u.createdAt, id: u.userIdentityId })),
    }
  },
})
