import { z } from 'zod'

import { acsSystemSchema } from '../../../contract/acs-system.ts'
import { id } from '../../../contract/fields.ts'
import { toAcsSystemResource } from '../../../domain/resources/acs-system.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { optional } from '../../../store/optional.ts'
import { SCOPED_READERS } from '../../found.ts'
import { listFilterParams } from '../../list-filters.ts'

export default defineRoute({
  path: '/acs/systems/list',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description:
    'Lists access control systems, newest first: the workspace’s, or for a client session token the systems of its user identity’s acs users.',
  params: z.object({
    connected_account_id: id().optional(),
    customer_key: listFilterParams.customer_key,
    search: listFilterParams.search,
  }),
  response: z.object({ acs_systems: z.array(acsSystemSchema) }),
  async handler({ params, auth, context }) {
    const systems = await context.store.listAcsSystems(
      scopeOf(auth),
      optional({ connectedAccountId: params.connected_account_id, customerKey: params.customer_key, search: params.search }),
    )
    return { acs_systems: systems.map(toAcsSystemResource) }
  },
})
