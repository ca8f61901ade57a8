import { z } from 'zod'

import { actionAttemptSchema } from '../../contract/action-attempt.ts'
import { invalidField } from '../../contract/api-error.ts'
import { id } from '../../contract/fields.ts'
import { configureAutoLock } from '../../domain/keypad.ts'
import { toActionAttemptResource } from '../../domain/resources/action-attempt.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'

export default defineRoute({
  path: '/locks/configure_auto_lock',
  methods: ['POST'],
  auth: SCOPED_READERS,
  description:
    'Turns the lock’s auto-lock on (with `auto_lock_delay_seconds`, 1 to 60) or off; the lock reports it in `properties.auto_lock_enabled` and `properties.auto_lock_delay_seconds`.',
  params: z.object({ device_id: id(), auto_lock_enabled: z.boolean(), auto_lock_delay_seconds: z.number().min(1).max(60).optional() }),
  actionAttemptType: 'CONFIGURE_AUTO_LOCK',
  response: z.object({ action_attempt: actionAttemptSchema }),
  async handler({ params, auth, context }) {
    const { auto_lock_enabled: enabled, auto_lock_delay_seconds: delaySeconds } = params
    if (enabled && delaySeconds === undefined) throw invalidField('auto_lock_delay_seconds', 'required when enabling auto-lock')
    if (!enabled && delaySeconds !== undefined) throw invalidField('auto_lock_delay_seconds', 'applies only when enabling auto-lock')
    const attempt = await configureAutoLock(context, scopeOf(auth), params.device_id, { enabled, delaySeconds })
    return { action_attempt: toActionAttemptResource(attempt, true) }
  },
})
