import { z } from 'zod'

import { findAcsUser } from '../../../domain/acs.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'
import { changeAccess } from './access-change.ts'
import { acsUserRefParams } from './get.ts'

export default defineRoute({
  path: '/acs/users/revoke_access_to_all_entrances',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description: 'Takes an acs user out of every access group and drops every entrance granted to it: it reaches no entrance.',
  params: z.object(acsUserRefParams),
  response: z.object({}),
  async handler({ params, auth, context }) {
    const user = await findAcsUser(context, scopeOf(auth), params)
    await changeAccess(context, user, { kind: 'revoke_all' }, null)
    return {}
  },
})
