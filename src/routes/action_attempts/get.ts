import { z } from 'zod'

import { actionAttemptSchema } from '../../contract/action-attempt.ts'
import { id } from '../../contract/fields.ts'
import { toActionAttemptResource } from '../../domain/resources/action-attempt.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { found, SCOPED_READERS } from '../found.ts'

export default defineRoute({
  path: '/action_attempts/get',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description: 'Returns an action attempt. A client session token reaches only attempts on its scope’s devices.',
  params: z.object({ action_attempt_id: id() }),
  response: z.object({ action_attempt: actionAttemptSchema }),
  async handler({ params, auth, context }) {
    const attempt = await context.store.getActionAttempt(scopeOf(auth), params.action_attempt_id)
    return { action_attempt: toActionAttemptResource(found(attempt, 'action_attempt')) }
  },
})
