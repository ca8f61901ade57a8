import { z } from 'zod'

import type { EventRecord } from '../store/records.ts'

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
})

export const toEventResource = (e: EventRecord): z.infer<typeof eventSchema> => ({
  event_id: e.eventId,
  event_type: e.eventType,
  workspace_id: e.workspaceId,
  created_at: e.createdAt,
  occurred_at: e.occurredAt,
  ...(e.clientSessionId === null ? {} : { client_session_id: e.clientSessionId }),
  ...(e.connectedAccountId === null ? {} : { connected_account_id: e.connectedAccountId }),
  ...(e.connectWebviewId === null ? {} : { connect_webview_id: e.connectWebviewId }),
  ...(e.deviceId === null ? {} : { device_id: e.deviceId }),
})
