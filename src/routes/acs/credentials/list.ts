import { z } from 'zod'

import { acsCredentialSchema } from '../../../contract/acs-credential.ts'
import { paginationSchema } from '../../../contract/client-session.ts'
import { id } from '../../../contract/fields.ts'
import { toAcsCredentialResource } from '../../../domain/resources/acs-credential.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { optional } from '../../../store/optional.ts'
import { SCOPED_READERS } from '../../found.ts'
import { listFilterParams } from '../../list-filters.ts'
import { pageParams, pageRequest, paginationOf } from '../../page-cursor.ts'

export default defineRoute({
  path: '/acs/credentials/list',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description:
    'Lists credentials, newest first: of an acs user, an access system or a user identity, or all. A client session token sees only the credentials of its user identity and its acs users (none when its session has no identity).',
  params: z.object({
    acs_user_id: id().optional(),
    acs_system_id: id().optional(),
    user_identity_id: id().optional(),
    created_before: listFilterParams.created_before,
    search: z.string().min(1).max(255).optional(),
    ...pageParams,
  }),
  unsupported: ['is_multi_phone_sync_credential'],
  response: z.object({ acs_credentials: z.array(acsCredentialSchema), pagination: paginationSchema }),
  async handler({ params, auth, context, nextPageUrl }) {
    const filter = optional({
      acsUserId: params.acs_user_id,
      acsSystemId: params.acs_system_id,
      userIdentityId: params.user_identity_id,
      createdBefore: params.created_before === undefined ? undefined : new Date(params.created_before).toISOString(),
      search: params.search,
    })
    const page = await context.store.listAcsCredentials(scopeOf(auth), filter, pageRequest(params))
    return {
      acs_credentials: page.items.map(toAcsCredentialResource),
      pagination: paginationOf(page, (c) => ({ createdAt: c.createdAt, id: c.acsCredentialId }), nextPageUrl),
    }
  },
})
