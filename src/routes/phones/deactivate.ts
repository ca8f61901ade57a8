import { z } from 'zod'

import { notFound } from '../../contract/api-error.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'

export default defineRoute({
  path: '/phones/deactivate',
  methods: ['POST', 'DELETE'],
  auth: SCOPED_READERS,
  description:
    'Deactivates a phone (lost or replaced): it leaves its user identity and `phone.deactivated` is recorded. A client session token deactivates only its own identity’s phones.',
  // Seam's device_id is a plain string here; a phone's id is a UUID, so anything else is not found.
  params: z.object({ device_id: z.string().min(1).max(255) }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    const at = context.clock.now().toISOString()
    const deactivated = await context.store.deactivatePhone(scopeOf(auth), params.device_id, (phone) => [
      {
        workspaceId: phone.workspaceId,
        eventType: 'phone.deactivated',
        deviceId: phone.deviceId,
        occurredAt: at,
        details: { user_identity_id: phone.userIdentityId },
      },
    ])
    if (!deactivated) throw notFound('phone')
    return {}
  },
})
