import { z } from 'zod'

import { id } from '../../contract/fields.ts'
import { instantKeySchema } from '../../contract/instant-key.ts'
import { instantKeyResource, instantKeyToken } from '../../domain/instant-keys.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { optional } from '../../store/optional.ts'
import { WORKSPACE_KEYS } from '../found.ts'

export default defineRoute({
  path: '/instant_keys/list',
  methods: ['GET', 'POST'],
  auth: WORKSPACE_KEYS,
  description: 'Lists the workspace’s Instant Keys, newest first, or one user identity’s.',
  params: z.object({ user_identity_id: id().optional() }),
  response: z.object({ instant_keys: z.array(instantKeySchema) }),
  async handler({ params, auth, context }) {
    const keys = await context.store.listInstantKeys(scopeOf(auth), optional({ userIdentityId: params.user_identity_id }))
    return { instant_keys: await Promise.all(keys.map(async (k) => instantKeyResource(k, await instantKeyToken(context, k)))) }
  },
})
