import type { z } from 'zod'

import type { eventDetailsSchema, eventSchema } from '../../contract/event.ts'
import type { EventRecord } from '../../store/records.ts'
import { optional } from '../../store/optional.ts'

export const toEventResource = (e: EventRecord): z.infer<typeof eventSchema> => ({
  // The type's own fields first, so the ids and times below always win.
  ...(e.details as z.infer<typeof eventDetailsSchema>),
  event_id: e.eventId,
  event_type: e.eventType,
  workspace_id: e.workspaceId,
  created_at: e.createdAt,
  occurred_at: e.occurredAt,
  // The resources it is about, each only when it has one.
  ...optional({
    client_session_id: e.clientSessionId ?? undefined,
    connected_account_id: e.connectedAccountId ?? undefined,
    connect_webview_id: e.connectWebviewId ?? undefined,
    device_id: e.deviceId ?? undefined,
    access_code_id: e.accessCodeId ?? undefined,
    action_attempt_id: e.actionAttemptId ?? undefined,
  }),
})
