import { z } from 'zod'

import { paginationSchema } from '../../../contract/client-session.ts'
import { id } from '../../../contract/fields.ts'
import { unmanagedAccessCodeSchema } from '../../../contract/unmanaged-access-code.ts'
import { toUnmanagedAccessCodeResource } from '../../../domain/resources/unmanaged-access-code.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { SCOPED_READERS } from '../../found.ts'
import { listFilterParams, readListFilter } from '../../list-filters.ts'
import { pageParams, pageRequest, paginationOf } from '../../page-cursor.ts'

export default defineRoute({
  path: '/access_codes/unmanaged/list',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description: 'Lists the unmanaged access codes of a lock, newest first; `search` matches their id, name or code.',
  params: z.object({
    device_id: id(),
    user_identifier_key: listFilterParams.user_identifier_key,
    search: listFilterParams.search,
    ...pageParams,
  }),
  response: z.object({ access_codes: z.array(unmanagedAccessCodeSchema), pagination: paginationSchema }),
  async handler({ params, auth, context, nextPageUrl }) {
    const filter = { ...(await readListFilter(context, auth.workspaceId, params)), deviceId: params.device_id }
    const page = await context.store.listUnmanagedAccessCodes(scopeOf(auth), filter, pageRequest(params))
    const now = context.clock.now()
    return {
      access_codes: page.items.map((c) => toUnmanagedAccessCodeResource(c, now)),
      pagination: paginationOf(page, (c) => ({ createdAt: c.createdAt, id: c.accessCodeId }), nextPageUrl),
    }
  },
})
