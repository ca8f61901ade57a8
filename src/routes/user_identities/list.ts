import { z } from 'zod'

import { paginationSchema } from '../../contract/client-session.ts'
import { userIdentitySchema } from '../../contract/user-identity.ts'
import { scopeOf } from '../../domain/scope.ts'
import { userIdentityResources } from '../../domain/user-identities.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'
import { idList } from '../../contract/fields.ts'
import { listFilterParams, readListFilter } from '../list-filters.ts'
import { pageParams, pageRequest, paginationOf } from '../page-cursor.ts'
import { optional } from '../../store/optional.ts'

export default defineRoute({
  path: '/user_identities/list',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description:
    'Lists user identities, newest first: the workspace’s, or a client session token’s own identity (none when its session has none).',
  params: z.object({
    user_identity_ids: idList().optional(),
    created_before: listFilterParams.created_before,
    search: listFilterParams.search,
    ...pageParams,
  }),
  unsupported: ['credential_manager_acs_system_id'],
  response: z.object({ user_identities: z.array(userIdentitySchema), pagination: paginationSchema }),
  async handler({ params, auth, context, nextPageUrl }) {
    const filter = {
      ...(await readListFilter(context, auth.workspaceId, params)),
      ...optional({ userIdentityIds: params.user_identity_ids }),
    }
    const page = await context.store.listUserIdentities(scopeOf(auth), filter, pageRequest(params))
    return {
      user_identities: await userIdentityResources(context, auth.workspaceId, page.items),
      pagination: paginationOf(page, (u) => ({ createdAt: u.createdAt, id: u.userIdentityId }), nextPageUrl),
    }
  },
})
