import { z } from 'zod'

import { invalidField, notFound } from '../../contract/api-error.ts'
import { id } from '../../contract/fields.ts'
import { instantKeySchema } from '../../contract/instant-key.ts'
import { instantKeyResource, instantKeyToken, storedInstantKeyUrl } from '../../domain/instant-keys.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { optional } from '../../store/optional.ts'
import { WORKSPACE_KEYS } from '../found.ts'

export default defineRoute({
  path: '/instant_keys/get',
  methods: ['GET', 'POST'],
  auth: WORKSPACE_KEYS,
  description: 'Returns an Instant Key by `instant_key_id` or by its `instant_key_url` (with or without the token it carries).',
  params: z.object({ instant_key_id: id().optional(), instant_key_url: z.url().max(2048).optional() }),
  response: z.object({ instant_key: instantKeySchema }),
  async handler({ params, auth, context }) {
    if (params.instant_key_id === undefined && params.instant_key_url === undefined)
      throw invalidField('instant_key_id', 'instant_key_id or instant_key_url is required')
    const key = await context.store.getInstantKey(
      scopeOf(auth),
      optional({
        instantKeyId: params.instant_key_id,
        instantKeyUrl: params.instant_key_url === undefined ? undefined : storedInstantKeyUrl(params.instant_key_url),
      }),
    )
    if (key === undefined) throw notFound('instant_key')
    return { instant_key: instantKeyResource(key, await instantKeyToken(context, key)) }
  },
})
