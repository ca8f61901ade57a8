import { z } from 'zod'

import { actionAttemptSchema } from '../../../contract/action-attempt.ts'
import { id } from '../../../contract/fields.ts'
import { simulateManualLockViaKeypad } from '../../../domain/keypad.ts'
import { toActionAttemptResource } from '../../../domain/resources/action-attempt.ts'
import { requireSandboxWorkspace } from '../../../domain/sandbox-only.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'

export default defineRoute({
  path: '/locks/simulate/manual_lock_via_keypad',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description: 'Sandbox only: simulates someone pressing the keypad’s lock button. The lock locks (`lock.locked`, method `manual`).',
  params: z.object({ device_id: id() }),
  actionAttemptType: 'SIMULATE_MANUAL_LOCK_VIA_KEYPAD',
  response: z.object({ action_attempt: actionAttemptSchema }),
  async handler({ params, auth, context }) {
    await requireSandboxWorkspace(context, auth.workspaceId, '/locks/simulate/manual_lock_via_keypad')
    const attempt = await simulateManualLockViaKeypad(context, scopeOf(auth), params.device_id)
    return { action_attempt: toActionAttemptResource(attempt, true) }
  },
})
