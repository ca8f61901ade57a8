import { z } from 'zod'

import { actionAttemptSchema } from '../../../contract/action-attempt.ts'
import { id } from '../../../contract/fields.ts'
import { simulateKeypadCodeEntry } from '../../../domain/keypad.ts'
import { toActionAttemptResource } from '../../../domain/resources/action-attempt.ts'
import { requireSandboxWorkspace } from '../../../domain/sandbox-only.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'

export default defineRoute({
  path: '/locks/simulate/keypad_code_entry',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Sandbox only: simulates someone typing `code` on the lock’s keypad. An active access code the lock holds unlocks it (`lock.unlocked`, method `keycode`, with the code’s `access_code_id`); any other code leaves it as it is and records `lock.access_denied`.',
  params: z.object({ device_id: id(), code: z.string().min(1).max(64) }),
  actionAttemptType: 'SIMULATE_KEYPAD_CODE_ENTRY',
  response: z.object({ action_attempt: actionAttemptSchema }),
  async handler({ params, auth, context }) {
    await requireSandboxWorkspace(context, auth.workspaceId, '/locks/simulate/keypad_code_entry')
    const attempt = await simulateKeypadCodeEntry(context, scopeOf(auth), params.device_id, params.code)
    return { action_attempt: toActionAttemptResource(attempt, true) }
  },
})
