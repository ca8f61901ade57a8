import { z } from 'zod'

import { paginationSchema } from '../../../contract/client-session.ts'
import { unmanagedUserIdentitySchema } from '../../../contract/user-identity.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { unmanagedUserIdentityResources } from '../../../domain/user-identities.ts'
import { defineRoute } from '../../../http/route.ts'
import { SCOPED_READERS } from '../../found.ts'
import { listFilterParams, readListFilter } from '../../list-filters.ts'
import { pageParams, pageRequest, paginationOf } from '../../page-cursor.ts'

export default defineRoute({
  path: '/user_identities/unmanaged/list',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description:
    'Lists the unmanaged user identities, newest first: those made for access systems’ users. `search` matches the name, email address, phone number, id or the access system of its users. A client session token sees only its own identity, when unmanaged.',
  params: z.object({ created_before: listFilterParams.created_before, search: listFilterParams.search, ...pageParams }),
  response: z.object({ user_identities: z.array(unmanagedUserIdentitySchema), pagination: paginationSchema }),
  async handler({ params, auth, context, nextPageUrl }) {
    const filter = await readListFilter(context, auth.workspaceId, params)
    const page = await context.store.listUnmanagedUserIdentities(scopeOf(auth), filter, pageRequest(params))
    return {
      user_identities: await unmanagedUserIdentityResources(context, auth.workspaceId, page.items),
      pagination: paginationOf(page, (u) => ({ createdAt: u.createdAt, id: u.userIdentityId }), nextPageUrl),
    }
  },
})
