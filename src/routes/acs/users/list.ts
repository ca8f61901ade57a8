import { z } from 'zod'

import { paginationSchema } from '../../../contract/client-session.ts'
import { acsUserSchema } from '../../../contract/acs-user.ts'
import { id } from '../../../contract/fields.ts'
import { acsUserResources } from '../../../domain/acs.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { optional } from '../../../store/optional.ts'
import { SCOPED_READERS } from '../../found.ts'
import { listFilterParams } from '../../list-filters.ts'
import { pageParams, pageRequest, paginationOf } from '../../page-cursor.ts'

export default defineRoute({
  path: '/acs/users/list',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description: 'Lists users of access control systems, newest first: the workspace’s, or for a client session token its user identity’s.',
  params: z.object({
    acs_system_id: id().optional(),
    user_identity_id: id().optional(),
    user_identity_email_address: z.string().min(1).max(320).optional(),
    user_identity_phone_number: z.string().min(1).max(40).optional(),
    created_before: listFilterParams.created_before,
    search: listFilterParams.search,
    ...pageParams,
  }),
  response: z.object({ acs_users: z.array(acsUserSchema), pagination: paginationSchema }),
  async handler({ params, auth, context, nextPageUrl }) {
    const filter = optional({
      acsSystemId: params.acs_system_id,
      userIdentityId: params.user_identity_id,
      userIdentityEmailAddress: params.user_identity_email_address,
      userIdentityPhoneNumber: params.user_identity_phone_number,
      createdBefore: params.created_before === undefined ? undefined : new Date(params.created_before).toISOString(),
      search: params.search,
    })
    const page = await context.store.listAcsUsers(scopeOf(auth), filter, pageRequest(params))
    return {
      acs_users: await acsUserResources(context, auth.workspaceId, page.items),
      pagination: paginationOf(page, (u) => ({ createdAt: u.createdAt, id: u.acsUserId }), nextPageUrl),
    }
  },
})
