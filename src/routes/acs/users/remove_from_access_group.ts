import { z } from 'zod'

import { id } from '../../../contract/fields.ts'
import { findAcsUser } from '../../../domain/acs.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { found, WORKSPACE_KEYS } from '../../found.ts'
import { changeAccess } from './access-change.ts'
import { acsUserRefParams } from './get.ts'

export default defineRoute({
  path: '/acs/users/remove_from_access_group',
  methods: ['DELETE', 'POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Removes an acs user (by id, or by its user identity) from an access group: it no longer reaches the group’s entrances through it.',
  params: z.object({
    acs_user_id: acsUserRefParams.acs_user_id,
    user_identity_id: acsUserRefParams.user_identity_id,
    acs_access_group_id: id(),
  }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    const scope = scopeOf(auth)
    const group = found(await context.store.getAcsAccessGroup(scope, params.acs_access_group_id), 'acs_access_group')
    const user = await findAcsUser(context, scope, { ...params, acs_system_id: group.acsSystemId })
    await changeAccess(context, user, { kind: 'leave_group', acsAccessGroupId: group.acsAccessGroupId }, 'acs_access_group')
    return {}
  },
})
