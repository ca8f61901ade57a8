import { z } from 'zod'

import { accessCodeSchema } from '../../contract/access-code.ts'
import { invalidField } from '../../contract/api-error.ts'
import { paginationSchema } from '../../contract/client-session.ts'
import { id, idList } from '../../contract/fields.ts'
import { toAccessCodeResource } from '../../domain/resources/access-code.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'
import { listFilterParams, readListFilter } from '../list-filters.ts'
import { pageParams, pageRequest, paginationOf } from '../page-cursor.ts'
import { optional } from '../../store/optional.ts'

export default defineRoute({
  path: '/access_codes/list',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description: 'Lists the access codes of a lock (`device_id`) or by `access_code_ids`, newest first.',
  params: z.object({
    device_id: id().optional(),
    access_code_ids: idList().optional(),
    user_identifier_key: listFilterParams.user_identifier_key,
    search: listFilterParams.search,
    customer_key: listFilterParams.customer_key,
    ...pageParams,
  }),
  unsupported: ['access_grant_id', 'access_grant_key', 'access_method_id'],
  response: z.object({ access_codes: z.array(accessCodeSchema), pagination: paginationSchema }),
  async handler({ params, auth, context, nextPageUrl }) {
    if (params.device_id === undefined && params.access_code_ids === undefined) {
      throw invalidField('device_id', 'device_id or access_code_ids is required')
    }
    const filter = {
      ...(await readListFilter(context, auth.workspaceId, params)),
      ...optional({ deviceId: params.device_id, accessCodeIds: params.access_code_ids }),
    }
    const page = await context.store.listAccessCodes(scopeOf(auth), filter, pageRequest(params))
    const now = context.clock.now()
    return {
      access_codes: page.items.map((c) => toAccessCodeResource(c, now)),
      pagination: paginationOf(page, (c) => ({ createdAt: c.createdAt, id: c.accessCodeId }), nextPageUrl),
    }
  },
})
