import { z } from 'zod'

import { id } from '../../../contract/fields.ts'
import { findAcsUser } from '../../../domain/acs.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { found, WORKSPACE_KEYS } from '../../found.ts'
import { changeAccess } from './access-change.ts'

export default defineRoute({
  path: '/acs/users/add_to_access_group',
  methods: ['POST', 'PUT'],
  auth: WORKSPACE_KEYS,
  description: 'Adds an acs user to an access group of its system: it reaches the group’s entrances (already a member: nothing changes).',
  params: z.object({ acs_user_id: id(), acs_access_group_id: id() }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    const scope = scopeOf(auth)
    const user = await findAcsUser(context, scope, params)
    const group = found(await context.store.getAcsAccessGroup(scope, params.acs_access_group_id), 'acs_access_group')
    await changeAccess(context, user, { kind: 'join_group', acsAccessGroupId: group.acsAccessGroupId }, 'acs_access_group')
    return {}
  },
})
