import { z } from 'zod'

/** A request to a device and its outcome (`@seamapi/types` action_attempt). */
export const actionAttemptSchema = z.object({
  action_attempt_id: z.uuid(),
  action_type: z.enum(['LOCK_DOOR', 'UNLOCK_DOOR', 'CREATE_ACCESS_CODE', 'UPDATE_ACCESS_CODE', 'DELETE_ACCESS_CODE']),
  status: z.enum(['pending', 'success', 'error']),
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.object({ type: z.string(), message: z.string() }).nullable(),
})
