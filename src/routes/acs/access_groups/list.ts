import { z } from 'zod'

import { acsAccessGroupSchema } from '../../../contract/acs-access-group.ts'
import { id } from '../../../contract/fields.ts'
import { toAcsAccessGroupResource } from '../../../domain/resources/acs-access-group.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { optional } from '../../../store/optional.ts'
import { WORKSPACE_KEYS } from '../../found.ts'
import { listFilterParams } from '../../list-filters.ts'

export default defineRoute({
  path: '/acs/access_groups/list',
  methods: ['GET', 'POST'],
  auth: WORKSPACE_KEYS,
  description: 'Lists access groups, newest first: of a system, those an acs user or a user identity’s users belong to.',
  params: z.object({
    acs_system_id: id().optional(),
    acs_user_id: id().optional(),
    user_identity_id: id().optional(),
    search: listFilterParams.search,
  }),
  response: z.object({ acs_access_groups: z.array(acsAccessGroupSchema) }),
  async handler({ params, auth, context }) {
    const groups = await context.store.listAcsAccessGroups(
      scopeOf(auth),
      optional({
        acsSystemId: params.acs_system_id,
        acsUserId: params.acs_user_id,
        userIdentityId: params.user_identity_id,
        search: params.search,
      }),
    )
    return { acs_access_groups: groups.map(toAcsAccessGroupResource) }
  },
})
