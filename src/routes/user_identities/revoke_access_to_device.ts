import { z } from 'zod'

import { notFound } from '../../contract/api-error.ts'
import { id } from '../../contract/fields.ts'
import { defineRoute } from '../../http/route.ts'
import { WORKSPACE_KEYS } from '../found.ts'

export default defineRoute({
  path: '/user_identities/revoke_access_to_device',
  methods: ['POST', 'DELETE'],
  auth: WORKSPACE_KEYS,
  description: 'Revokes a user identity’s access to a device granted to it; revoking one not granted changes nothing.',
  params: z.object({ user_identity_id: id(), device_id: id() }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    const result = await context.store.changeIdentityAccess(
      auth.workspaceId,
      params.user_identity_id,
      { kind: 'revoke_device', deviceId: params.device_id },
      context.clock.now().toISOString(),
    )
    if (result === 'identity_not_found') throw notFound('user_identity')
    if (result === 'target_not_found') throw notFound('device')
    return {}
  },
})
