import { z } from 'zod'

import { acsEntranceSchema } from '../../../contract/acs-entrance.ts'
import { findAcsUser } from '../../../domain/acs.ts'
import { toAcsEntranceResource } from '../../../domain/resources/acs-entrance.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { SCOPED_READERS } from '../../found.ts'
import { acsUserRefParams } from './get.ts'
import { everyEntrance } from '../entrances/every.ts'

export default defineRoute({
  path: '/acs/users/list_accessible_entrances',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description: 'Lists the entrances an acs user reaches: those of its access groups and those granted to it; none while it is suspended.',
  params: z.object(acsUserRefParams),
  response: z.object({ acs_entrances: z.array(acsEntranceSchema) }),
  async handler({ params, auth, context }) {
    const scope = scopeOf(auth)
    const user = await findAcsUser(context, scope, params)
    const entrances = await everyEntrance(context, scope, { acsUserId: user.acsUserId })
    return { acs_entrances: entrances.map(toAcsEntranceResource) }
  },
})
