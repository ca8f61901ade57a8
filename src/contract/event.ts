import { z } from 'zod'

/** An event on the wire: its type, times, and the ids of the resources it is about. */
export const eventSchema = z.object({
  event_id: z.uuid(),
  event_type: z.string(),
  workspace_id: z.uuid(),
  created_at: z.iso.datetime(),
  occurred_at: z.iso.datetime(),
  client_session_id: z.uuid().optional(),
  connected_account_id: z.uuid().optional(),
  connect_webview_id: z.uuid().optional(),
  device_id: z.uuid().optional(),
  access_code_id: z.uuid().optional(),
  action_attempt_id: z.uuid().optional(),
  method: z.string().optional().describe('lock.locked and lock.unlocked: how the lock was moved (remote).'),
  code: z.string().optional().describe('access_code.deleted: the code that was removed.'),
})
