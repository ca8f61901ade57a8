import { z } from 'zod'

import { acsAccessGroupSchema } from '../../../contract/acs-access-group.ts'
import { id } from '../../../contract/fields.ts'
import { toAcsAccessGroupResource } from '../../../domain/resources/acs-access-group.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { found, WORKSPACE_KEYS } from '../../found.ts'

export default defineRoute({
  path: '/acs/access_groups/get',
  methods: ['GET', 'POST'],
  auth: WORKSPACE_KEYS,
  description: 'Returns an access group of an access control system.',
  params: z.object({ acs_access_group_id: id() }),
  response: z.object({ acs_access_group: acsAccessGroupSchema }),
  async handler({ params, auth, context }) {
    const group = found(await context.store.getAcsAccessGroup(scopeOf(auth), params.acs_access_group_id), 'acs_access_group')
    return { acs_access_group: toAcsAccessGroupResource(group) }
  },
})
