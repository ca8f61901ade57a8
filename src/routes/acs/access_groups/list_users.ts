import { z } from 'zod'

import { acsUserSchema } from '../../../contract/acs-user.ts'
import type { AcsUserRecord } from '../../../store/records.ts'
import { id } from '../../../contract/fields.ts'
import { acsUserResources } from '../../../domain/acs.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { found, WORKSPACE_KEYS } from '../../found.ts'

export default defineRoute({
  path: '/acs/access_groups/list_users',
  methods: ['GET', 'POST'],
  auth: WORKSPACE_KEYS,
  description: 'Lists the members of an access group.',
  params: z.object({ acs_access_group_id: id() }),
  response: z.object({ acs_users: z.array(acsUserSchema) }),
  async handler({ params, auth, context }) {
    const scope = scopeOf(auth)
    const group = found(await context.store.getAcsAccessGroup(scope, params.acs_access_group_id), 'acs_access_group')
    const users: AcsUserRecord[] = []
    let after: { createdAt: string; id: string } | undefined
    for (;;) {
      const page = await context.store.listAcsUsers(scope, { acsAccessGroupId: group.acsAccessGroupId }, { limit: 500, after })
      users.push(...page.items)
      const last = page.items.at(-1)
      if (!page.hasNextPage || last === undefined) break
      after = { createdAt: last.createdAt, id: last.acsUserId }
    }
    return { acs_users: await acsUserResources(context, auth.workspaceId, users) }
  },
})
