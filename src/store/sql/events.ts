import { randomUUID } from 'node:crypto'

import type { Kysely, Transaction } from 'kysely'

import type { NewEvent } from '../records.ts'
import { toEvent } from './resource-rows.ts'
import { belongsToCustomer } from './list-filter.ts'
import { inScope } from './scope.ts'
import type { Store } from '../store.ts'
import type { Database } from '../tables.ts'
import type { Engine } from './engine.ts'
import { pageOf } from './paging.ts'

/**
 * Appends one event, inside the transaction of the change it records, and a delivery for each of
 * the workspace's webhooks that receives its type: committed with the event or not at all, so an
 * acknowledged change's events are delivered even if the process dies right after.
 */
export const recordEvent = async (trx: Transaction<Database> | Kysely<Database>, event: NewEvent): Promise<void> => {
  const eventId = randomUUID()
  await trx
    .insertInto('events')
    .values({
      event_id: eventId,
      workspace_id: event.workspaceId,
      event_type: event.eventType,
      client_session_id: event.clientSessionId ?? null,
      connected_account_id: event.connectedAccountId ?? null,
      connect_webview_id: event.connectWebviewId ?? null,
      device_id: event.deviceId ?? null,
      access_code_id: event.accessCodeId ?? null,
      action_attempt_id: event.actionAttemptId ?? null,
      details: JSON.stringify(event.details ?? {}),
      created_at: event.occurredAt,
      occurred_at: event.occurredAt,
    })
    .execute()
  const receivers = await trx
    .selectFrom('webhooks')
    .select('webhook_id')
    .where('workspace_id', '=', event.workspaceId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('webhook_event_types')
          .select('webhook_event_types.event_type')
          .whereRef('webhook_event_types.webhook_id', '=', 'webhooks.webhook_id')
          .where('webhook_event_types.event_type', 'in', [event.eventType, '*']),
      ),
    )
    .execute()
  if (receivers.length === 0) return
  // Deliveries run on the machine's time, not the app's clock (which tests may hold still): due now.
  const now = new Date().toISOString()
  await trx
    .insertInto('webhook_deliveries')
    .values(
      receivers.map(({ webhook_id }) => ({
        delivery_id: `${eventId}.${webhook_id}`,
        webhook_id,
        workspace_id: event.workspaceId,
        event_id: eventId,
        status: 'pending',
        attempts: 0,
        next_attempt_at: now,
        lease_until: null,
        last_status: null,
        last_error: null,
        attempt_log: '[]',
        created_at: now,
        completed_at: null,
      })),
    )
    .execute()
}

export const eventVerbs = (engine: Engine): Pick<Store, 'listEvents'> => {
  const { db } = engine
  return {
    async listEvents(scope, filter, page) {
      if (filter.eventIds?.length === 0 || filter.deviceIds?.length === 0 || filter.accessCodeIds?.length === 0) return { items: [], hasNextPage: false }
      let query = db.selectFrom('events').selectAll().where('workspace_id', '=', scope.workspaceId)
      if (filter.eventTypes !== undefined) query = query.where('event_type', 'in', filter.eventTypes)
      if (filter.since !== undefined) query = query.where('created_at', '>=', filter.since)
      if (filter.between !== undefined) query = query.where('occurred_at', '>=', filter.between[0]).where('occurred_at', '<=', filter.between[1])
      if (filter.eventIds !== undefined) query = query.where('event_id', 'in', filter.eventIds)
      if (filter.deviceIds !== undefined) query = query.where('device_id', 'in', filter.deviceIds)
      if (filter.accessCodeIds !== undefined) query = query.where('access_code_id', 'in', filter.accessCodeIds)
      if (filter.connectedAccountId !== undefined) query = query.where('connected_account_id', '=', filter.connectedAccountId)
      if (filter.connectWebviewId !== undefined) query = query.where('connect_webview_id', '=', filter.connectWebviewId)
      if (filter.customerKey !== undefined) query = query.where(belongsToCustomer('event', scope.workspaceId, filter.customerKey))
      if (filter.userIdentityId !== undefined) {
        // Events carry no identity: those about the sessions that hold it.
        query = query.where(
          'client_session_id',
          'in',
          db.selectFrom('client_sessions').select('client_session_id').where('workspace_id', '=', scope.workspaceId).where('user_identity_id', '=', filter.userIdentityId),
        )
      }
      return pageOf(engine, inScope(query, 'event', scope), 'event_id', page, toEvent)
    },
  }
}
