import { z } from 'zod'

import { notFound } from '../../../contract/api-error.ts'
import { id } from '../../../contract/fields.ts'
import { acsEvent } from '../../../domain/acs.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { found, SCOPED_READERS } from '../../found.ts'

export default defineRoute({
  path: '/acs/access_groups/delete',
  methods: ['DELETE', 'POST'],
  // Seam's security list names client sessions here: a session deletes only groups its user identity's users belong to.
  auth: SCOPED_READERS,
  description: 'Deletes an access group: its members no longer reach its entrances through it.',
  params: z.object({ acs_access_group_id: id() }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    const group = found(await context.store.getAcsAccessGroup(scopeOf(auth), params.acs_access_group_id), 'acs_access_group')
    const at = context.clock.now().toISOString()
    const event = acsEvent(group, 'acs_access_group.deleted', at, { acs_access_group_id: group.acsAccessGroupId })
    if (!(await context.store.deleteAcsAccessGroup(auth.workspaceId, group.acsAccessGroupId, [event]))) throw notFound('acs_access_group')
    return {}
  },
})
