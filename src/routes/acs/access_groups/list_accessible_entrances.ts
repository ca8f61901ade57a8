import { z } from 'zod'

import { acsEntranceSchema } from '../../../contract/acs-entrance.ts'
import { id } from '../../../contract/fields.ts'
import { toAcsEntranceResource } from '../../../domain/resources/acs-entrance.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { found, WORKSPACE_KEYS } from '../../found.ts'
import { everyEntrance } from '../entrances/every.ts'

export default defineRoute({
  path: '/acs/access_groups/list_accessible_entrances',
  methods: ['GET', 'POST'],
  auth: WORKSPACE_KEYS,
  description: 'Lists the entrances an access group gives its members.',
  params: z.object({ acs_access_group_id: id() }),
  response: z.object({ acs_entrances: z.array(acsEntranceSchema) }),
  async handler({ params, auth, context }) {
    const scope = scopeOf(auth)
    const group = found(await context.store.getAcsAccessGroup(scope, params.acs_access_group_id), 'acs_access_group')
    const entrances = await everyEntrance(context, scope, { acsAccessGroupId: group.acsAccessGroupId })
    return { acs_entrances: entrances.map(toAcsEntranceResource) }
  },
})
