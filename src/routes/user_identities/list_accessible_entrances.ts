import { z } from 'zod'

import { acsEntranceSchema } from '../../contract/acs-entrance.ts'
import { id } from '../../contract/fields.ts'
import { toAcsEntranceResource } from '../../domain/resources/acs-entrance.ts'
import { scopeOf } from '../../domain/scope.ts'
import { identityInScope } from '../../domain/user-identities.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'

export default defineRoute({
  path: '/user_identities/list_accessible_entrances',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description:
    'Lists the entrances a user identity reaches, newest first: those of its access system users’ access groups and direct grants (none of a suspended user). A client session token reads only its own identity’s.',
  params: z.object({ user_identity_id: id() }),
  response: z.object({ acs_entrances: z.array(acsEntranceSchema) }),
  async handler({ params, auth, context }) {
    const scope = scopeOf(auth)
    const identity = await identityInScope(context, scope, params.user_identity_id)
    const entrances = await context.store.listIdentityEntrances(scope, identity.userIdentityId)
    return { acs_entrances: entrances.map(toAcsEntranceResource) }
  },
})
