import { z } from 'zod'

import { id } from '../../../contract/fields.ts'
import { findAcsUser } from '../../../domain/acs.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { found, WORKSPACE_KEYS } from '../../found.ts'
import { changeAccess } from '../users/access-change.ts'

export default defineRoute({
  path: '/acs/access_groups/add_user',
  methods: ['POST', 'PUT'],
  auth: WORKSPACE_KEYS,
  description:
    'Adds an acs user (by id, or the user identity’s user on the group’s system) to an access group: it reaches the group’s entrances.',
  params: z.object({ acs_access_group_id: id(), acs_user_id: id().optional(), user_identity_id: id().optional() }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    const scope = scopeOf(auth)
    const group = found(await context.store.getAcsAccessGroup(scope, params.acs_access_group_id), 'acs_access_group')
    const user = await findAcsUser(context, scope, { ...params, acs_system_id: group.acsSystemId })
    await changeAccess(context, user, { kind: 'join_group', acsAccessGroupId: group.acsAccessGroupId }, 'acs_access_group')
    return {}
  },
})
