import { z } from 'zod'

import { id } from '../../contract/fields.ts'
import { instantKeySchema } from '../../contract/instant-key.ts'
import { generateInstantKey, instantKeyResource } from '../../domain/instant-keys.ts'
import { scopeOf } from '../../domain/scope.ts'
import { identityInScope } from '../../domain/user-identities.ts'
import { defineRoute } from '../../http/route.ts'
import { WORKSPACE_KEYS } from '../found.ts'

export default defineRoute({
  path: '/user_identities/generate_instant_key',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Makes an Instant Key for a user identity: a new client session of the identity, and a link that carries its token (in the URL’s fragment) until `expires_at`. Whoever holds the link reads what the identity reaches with that token. Deleting the key revokes the session.',
  params: z.object({ user_identity_id: id() }),
  unsupported: ['customization_profile_id', 'max_use_count'],
  response: z.object({ instant_key: instantKeySchema }),
  async handler({ params, auth, context, origin }) {
    const identity = await identityInScope(context, scopeOf(auth), params.user_identity_id)
    const { key, token } = await generateInstantKey(context, identity, origin())
    return { instant_key: instantKeyResource(key, token) }
  },
})
