import { z } from 'zod'

import { acsEntranceSchema } from '../../../contract/acs-entrance.ts'
import { id } from '../../../contract/fields.ts'
import { toAcsEntranceResource } from '../../../domain/resources/acs-entrance.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { found, SCOPED_READERS } from '../../found.ts'

export default defineRoute({
  path: '/acs/entrances/get',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description: 'Returns an entrance: of the workspace, or for a client session token one its user identity’s acs users reach.',
  params: z.object({ acs_entrance_id: id() }),
  response: z.object({ acs_entrance: acsEntranceSchema }),
  async handler({ params, auth, context }) {
    const entrance = found(await context.store.getAcsEntrance(scopeOf(auth), params.acs_entrance_id), 'acs_entrance')
    return { acs_entrance: toAcsEntranceResource(entrance) }
  },
})
