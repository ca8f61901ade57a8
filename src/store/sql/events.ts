import { randomUUID } from 'node:crypto'

import { type Kysely, sql, type Transaction } from 'kysely'

import type { NewEvent } from '../records.ts'
import { toEvent } from './resource-rows.ts'
import { belongsToCustomer } from './list-filter.ts'
import { inScope } from './scope.ts'
import type { Store } from '../store.ts'
import type { Database } from '../tables.ts'
import type { Engine } from './engine.ts'
import { pageOf } from './paging.ts'

/**
 * Appends one event, inside the transaction of the change it records. When the workspace has a
 * webhook, the same INSERT marks the event as owing deliveries: committed with the event or not at
 * all, so an acknowledged change's events are delivered even if the process dies right after. The
 * dispatcher makes the deliveries (`fanOutEvents`), off the request's path.
 */
export const recordEvent = async (trx: Transaction<Database> | Kysely<Database>, event: NewEvent): Promise<void> => {
  await trx
    .insertInto('events')
    .values((eb) => ({
      event_id: randomUUID(),
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
      // 1 when the workspace has any webhook, null otherwise; which ones receive the event's type
      // is the fan-out's question.
      webhooks_pending: eb
        .selectFrom('webhooks')
        .select(sql<number>`1`.as('one'))
        .where('workspace_id', '=', event.workspaceId)
        .limit(1),
    }))
    .execute()
}

export const eventVerbs = (engine: Engine): Pick<Store, 'listEvents'> => {
  const { db } = engine
  return {
    async listEvents(scope, filter, page) {
      if (filter.eventIds?.length === 0 || filter.deviceIds?.length === 0 || filter.accessCodeIds?.length === 0)
        return { items: [], hasNextPage: false }
      let query = db.selectFrom('events').selectAll().where('workspace_id', '=', scope.workspaceId)
      if (filter.eventTypes !== undefined) query = query.where('event_type', 'in', filter.eventTypes)
      if (filter.since !== undefined) query = query.where('created_at', '>=', filter.since)
      if (filter.between !== undefined)
        query = query.where('occurred_at', '>=', filter.between[0]).where('occurred_at', '<=', filter.between[1])
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
          db
            .selectFrom('client_sessions')
            .select('client_session_id')
            .where('workspace_id', '=', scope.workspaceId)
            .where('user_identity_id', '=', filter.userIdentityId),
        )
      }
      return pageOf(engine, inScope(query, 'event', scope), 'event_id', page, toEvent)
    },
  }
}
