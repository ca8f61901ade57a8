import { z } from 'zod'

import { acsSystemSchema } from '../../../contract/acs-system.ts'
import { id } from '../../../contract/fields.ts'
import { toAcsSystemResource } from '../../../domain/resources/acs-system.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { found, WORKSPACE_KEYS } from '../../found.ts'

export default defineRoute({
  path: '/acs/systems/get',
  methods: ['GET', 'POST'],
  auth: WORKSPACE_KEYS,
  description: 'Returns an access control system of the workspace.',
  params: z.object({ acs_system_id: id() }),
  response: z.object({ acs_system: acsSystemSchema }),
  async handler({ params, auth, context }) {
    const system = found(await context.store.getAcsSystem(scopeOf(auth), params.acs_system_id), 'acs_system')
    return { acs_system: toAcsSystemResource(system) }
  },
})
