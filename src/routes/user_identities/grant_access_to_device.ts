import { z } from 'zod'

import { notFound } from '../../contract/api-error.ts'
import { id } from '../../contract/fields.ts'
import { defineRoute } from '../../http/route.ts'
import { WORKSPACE_KEYS } from '../found.ts'

export default defineRoute({
  path: '/user_identities/grant_access_to_device',
  methods: ['POST', 'PUT'],
  auth: WORKSPACE_KEYS,
  description:
    'Grants a user identity access to a managed device: it is then among the identity’s accessible devices. Granting again changes nothing.',
  params: z.object({ user_identity_id: id(), device_id: id() }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    const result = await context.store.changeIdentityAccess(
      auth.workspaceId,
      params.user_identity_id,
      { kind: 'grant_device', deviceId: params.device_id },
      context.clock.now().toISOString(),
    )
    if (result === 'identity_not_found') throw notFound('user_identity')
    if (result === 'target_not_found') throw notFound('device')
    return {}
  },
})
