import type { z } from 'zod'

import type { actionAttemptSchema } from '../../contract/action-attempt.ts'
import type { ActionAttemptRecord } from '../../store/records.ts'

/**
 * An attempt on the wire. `asFirstSeen` answers the request that started it: Seam answers an
 * action with the attempt still `pending` and clients poll `action_attempts/get` for the
 * outcome (the SDK's `waitForActionAttempt`), so that first answer is pending here too, whatever
 * the sandbox lock already did.
 */
export const toActionAttemptResource = (a: ActionAttemptRecord, asFirstSeen = false): z.infer<typeof actionAttemptSchema> => ({
  action_attempt_id: a.actionAttemptId,
  action_type: a.actionType,
  status: asFirstSeen ? 'pending' : a.status,
  result: asFirstSeen ? null : a.result,
  error: asFirstSeen ? null : a.error,
})
