import { z } from 'zod'

import { actionAttemptSchema } from '../../contract/action-attempt.ts'
import { id } from '../../contract/fields.ts'
import { driveLock } from '../../domain/locks.ts'
import { toActionAttemptResource } from '../../domain/resources/action-attempt.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'

export default defineRoute({
  path: '/locks/lock_door',
  methods: ['POST'],
  auth: SCOPED_READERS,
  description: 'Locks a door. Answers the action attempt as pending; poll action_attempts/get for its outcome (the SDK waits by default).',
  params: z.object({ device_id: id(), sync: z.boolean().optional() }),
  actionAttemptType: 'LOCK_DOOR',
  response: z.object({ action_attempt: actionAttemptSchema }),
  async handler({ params, auth, context }) {
    const attempt = await driveLock(context, scopeOf(auth), params.device_id, true)
    return { action_attempt: toActionAttemptResource(attempt, params.sync !== true) }
  },
})
