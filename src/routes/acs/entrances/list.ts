import { z } from 'zod'

import { paginationSchema } from '../../../contract/client-session.ts'
import { acsEntranceSchema } from '../../../contract/acs-entrance.ts'
import { id, idList } from '../../../contract/fields.ts'
import { toAcsEntranceResource } from '../../../domain/resources/acs-entrance.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { optional } from '../../../store/optional.ts'
import { SCOPED_READERS } from '../../found.ts'
import { listFilterParams } from '../../list-filters.ts'
import { pageParams, pageRequest, paginationOf } from '../../page-cursor.ts'

export default defineRoute({
  path: '/acs/entrances/list',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description:
    'Lists entrances, newest first: the workspace’s, or for a client session token those its user identity’s acs users reach; `acs_credential_id` lists those the credential opens.',
  params: z.object({
    acs_system_id: id().optional(),
    acs_credential_id: id().optional(),
    acs_entrance_ids: idList().optional(),
    connected_account_id: id().optional(),
    customer_key: listFilterParams.customer_key,
    search: listFilterParams.search,
    ...pageParams,
  }),
  unsupported: ['space_id', 'location_id'],
  response: z.object({ acs_entrances: z.array(acsEntranceSchema), pagination: paginationSchema }),
  async handler({ params, auth, context, nextPageUrl }) {
    const filter = optional({
      acsSystemId: params.acs_system_id,
      acsCredentialId: params.acs_credential_id,
      ids: params.acs_entrance_ids,
      connectedAccountId: params.connected_account_id,
      customerKey: params.customer_key,
      search: params.search,
    })
    const page = await context.store.listAcsEntrances(scopeOf(auth), filter, pageRequest(params))
    return {
      acs_entrances: page.items.map(toAcsEntranceResource),
      pagination: paginationOf(page, (e) => ({ createdAt: e.createdAt, id: e.acsEntranceId }), nextPageUrl),
    }
  },
})
