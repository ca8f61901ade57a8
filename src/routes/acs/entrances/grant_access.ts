import { z } from 'zod'

import { id } from '../../../contract/fields.ts'
import { findAcsUser } from '../../../domain/acs.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { found, WORKSPACE_KEYS } from '../../found.ts'
import { changeAccess } from '../users/access-change.ts'

export default defineRoute({
  path: '/acs/entrances/grant_access',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Grants an acs user (by id, or the user identity’s user on the entrance’s system) access to an entrance directly, beside its access groups.',
  params: z.object({ acs_entrance_id: id(), acs_user_id: id().optional(), user_identity_id: id().optional() }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    const scope = scopeOf(auth)
    const entrance = found(await context.store.getAcsEntrance(scope, params.acs_entrance_id), 'acs_entrance')
    const user = await findAcsUser(context, scope, { ...params, acs_system_id: entrance.acsSystemId })
    await changeAccess(context, user, { kind: 'grant_entrance', acsEntranceId: entrance.acsEntranceId }, 'acs_entrance')
    return {}
  },
})
