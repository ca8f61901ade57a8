import type { z } from 'zod'

import type { eventSchema } from '../../contract/event.ts'
import type { EventRecord } from '../../store/records.ts'

export const toEventResource = (e: EventRecord): z.infer<typeof eventSchema> => ({
  // The type's own fields first, so the ids and times below always win.
  ...(e.details as { method?: string; code?: string }),
  event_id: e.eventId,
  event_type: e.eventType,
  workspace_id: e.workspaceId,
  created_at: e.createdAt,
  occurred_at: e.occurredAt,
  ...(e.clientSessionId === null ? {} : { client_session_id: e.clientSessionId }),
  ...(e.connectedAccountId === null ? {} : { connected_account_id: e.connectedAccountId }),
  ...(e.connectWebviewId === null ? {} : { connect_webview_id: e.connectWebviewId }),
  ...(e.deviceId === null ? {} : { device_id: e.deviceId }),
  ...(e.accessCodeId === null ? {} : { access_code_id: e.accessCodeId }),
  ...(e.actionAttemptId === null ? {} : { action_attempt_id: e.actionAttemptId }),
})
