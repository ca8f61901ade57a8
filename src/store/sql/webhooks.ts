import { type ExpressionBuilder, type Kysely, type Selectable, sql, type Transaction } from 'kysely'

import type { DeliveryAttempt, DeliveryStatus, WebhookDeliveryRecord, WebhookRecord } from '../records.ts'
import type { Store } from '../store.ts'
import type { Database, WebhookDeliveriesTable, WebhooksTable } from '../tables.ts'
import type { Engine } from './engine.ts'
import type { SqlFlavor } from './flavor.ts'
import { toEvent } from './resource-rows.ts'
import { toIso, toIsoOrNull } from './iso-timestamps.ts'

type WebhookVerbs = Pick<
  Store,
  | 'createWebhook'
  | 'getWebhook'
  | 'listWebhooks'
  | 'setWebhookEventTypes'
  | 'deleteWebhook'
  | 'fanOutEvents'
  | 'claimDueDeliveries'
  | 'finishDeliveryAttempts'
  | 'listDeliveries'
  | 'redeliver'
  | 'deliveryStats'
>

const toDelivery = (r: Selectable<WebhookDeliveriesTable>): WebhookDeliveryRecord => ({
  deliveryId: r.delivery_id,
  webhookId: r.webhook_id,
  workspaceId: r.workspace_id,
  eventId: r.event_id,
  status: r.status as DeliveryStatus,
  attempts: Number(r.attempts),
  nextAttemptAt: toIso(r.next_attempt_at),
  lastStatus: r.last_status === null ? null : Number(r.last_status),
  lastError: r.last_error,
  attemptLog: JSON.parse(r.attempt_log) as DeliveryAttempt[],
  createdAt: toIso(r.created_at),
  completedAt: toIsoOrNull(r.completed_at),
})

const toWebhook = (row: Selectable<WebhooksTable>, eventTypes: string[]): WebhookRecord => ({
  webhookId: row.webhook_id,
  workspaceId: row.workspace_id,
  url: row.url,
  secretCiphertext: row.secret_ciphertext,
  eventTypes,
  createdAt: toIso(row.created_at),
})

/** Events still owing their deliveries (migrations/0008_webhook_fan_out.ts), through its partial index. */
const markedEvents = (db: Kysely<Database> | Transaction<Database>) => db.selectFrom('events').where('webhooks_pending', '=', 1)

/** Webhooks, and their deliveries as a queue that instances lease from (migrations/0007_webhooks.ts). */
export const webhookVerbs = (engine: Engine, flavor: SqlFlavor): WebhookVerbs => {
  const { db } = engine

  const typesOf = async (webhookIds: string[]): Promise<Map<string, string[]>> => {
    const types = new Map<string, string[]>(webhookIds.map((id) => [id, []]))
    if (webhookIds.length === 0) return types
    const rows = await db
      .selectFrom('webhook_event_types')
      .selectAll()
      .where('webhook_id', 'in', webhookIds)
      .orderBy('event_type')
      .execute()
    for (const row of rows) types.get(row.webhook_id)?.push(row.event_type)
    return types
  }

  return {
    async createWebhook(webhook, eventTypes) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('webhooks')
          .values({
            webhook_id: webhook.webhookId,
            workspace_id: webhook.workspaceId,
            url: webhook.url,
            secret_ciphertext: webhook.secretCiphertext,
            created_at: webhook.createdAt,
          })
          .execute()
        await trx
          .insertInto('webhook_event_types')
          .values(eventTypes.map((event_type) => ({ webhook_id: webhook.webhookId, event_type })))
          .execute()
      })
    },

    async getWebhook(workspaceId, webhookId) {
      const row = await db
        .selectFrom('webhooks')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('webhook_id', '=', webhookId)
        .executeTakeFirst()
      if (row === undefined) return undefined
      const types = await typesOf([row.webhook_id])
      return toWebhook(row, types.get(row.webhook_id) ?? [])
    },

    async listWebhooks(workspaceId) {
      const rows = await db
        .selectFrom('webhooks')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at')
        .orderBy('webhook_id')
        .execute()
      const types = await typesOf(rows.map((r) => r.webhook_id))
      return rows.map((row) => toWebhook(row, types.get(row.webhook_id) ?? []))
    },

    setWebhookEventTypes(workspaceId, webhookId, eventTypes) {
      return db.transaction().execute(async (trx) => {
        const found = await trx
          .selectFrom('webhooks')
          .select('webhook_id')
          .where('workspace_id', '=', workspaceId)
          .where('webhook_id', '=', webhookId)
          .executeTakeFirst()
        if (found === undefined) return false
        await trx.deleteFrom('webhook_event_types').where('webhook_id', '=', webhookId).execute()
        await trx
          .insertInto('webhook_event_types')
          .values(eventTypes.map((event_type) => ({ webhook_id: webhookId, event_type })))
          .execute()
        return true
      })
    },

    /** Removes the webhook, its types and its deliveries: nothing is sent to it afterwards. */
    deleteWebhook(workspaceId, webhookId) {
      return db.transaction().execute(async (trx) => {
        const deleted = await trx
          .deleteFrom('webhooks')
          .where('workspace_id', '=', workspaceId)
          .where('webhook_id', '=', webhookId)
          .executeTakeFirst()
        if (Number(deleted.numDeletedRows) === 0) return false
        await trx.deleteFrom('webhook_event_types').where('webhook_id', '=', webhookId).execute()
        await trx.deleteFrom('webhook_deliveries').where('webhook_id', '=', webhookId).execute()
        return true
      })
    },

    /**
     * Turns up to `limit` events marked as owing deliveries (oldest first) into one delivery per
     * webhook of their workspace that receives their type and existed when they happened, and
     * clears their mark, in one transaction. On PostgreSQL the events another instance is fanning
     * out are skipped (FOR UPDATE SKIP LOCKED); a delivery's id is its event's and webhook's, so
     * even a repeat could not make a second one. Answers how many events it took.
     */
    async fanOutEvents(now, limit) {
      // A read first: while nothing is marked (almost always when idle), no write takes the lock.
      if ((await markedEvents(db).select('event_id').limit(1).executeTakeFirst()) === undefined) return 0
      // Typed, or PostgreSQL would take a bare parameter in a SELECT list for text.
      const at = sql<string>`cast(${now} as ${sql.raw(flavor.timestampType)})`
      return db.transaction().execute(async (trx) => {
        const batch = flavor.lockRowsSkipLocked(markedEvents(trx).select('event_id').orderBy('created_at').limit(limit))
        const eventIds = (await batch.execute()).map((row) => row.event_id)
        if (eventIds.length === 0) return 0
        await trx
          .insertInto('webhook_deliveries')
          .columns([
            'delivery_id',
            'webhook_id',
            'workspace_id',
            'event_id',
            'status',
            'attempts',
            'next_attempt_at',
            'attempt_log',
            'created_at',
          ])
          .expression((eb) =>
            eb
              .selectFrom('events as e')
              .innerJoin('webhooks as w', (join) =>
                join.onRef('w.workspace_id', '=', 'e.workspace_id').onRef('w.created_at', '<=', 'e.created_at'),
              )
              .select([
                sql<string>`e.event_id || '.' || w.webhook_id`.as('delivery_id'),
                'w.webhook_id',
                'e.workspace_id',
                'e.event_id',
                sql.lit('pending').as('status'),
                sql.lit(0).as('attempts'),
                at.as('next_attempt_at'),
                sql.lit('[]').as('attempt_log'),
                at.as('created_at'),
              ])
              .where('e.event_id', 'in', eventIds)
              .where((inner) =>
                inner.exists(
                  inner
                    .selectFrom('webhook_event_types as t')
                    .select('t.event_type')
                    .whereRef('t.webhook_id', '=', 'w.webhook_id')
                    .where((types) => types.or([types('t.event_type', '=', types.ref('e.event_type')), types('t.event_type', '=', '*')])),
                ),
              ),
          )
          .onConflict((conflict) => conflict.column('delivery_id').doNothing())
          .execute()
        await trx.updateTable('events').set({ webhooks_pending: null }).where('event_id', 'in', eventIds).execute()
        return eventIds.length
      })
    },

    /**
     * Leases up to `limit` due deliveries to the caller until `leaseUntil`. On PostgreSQL the rows
     * another instance is leasing at this moment are skipped (FOR UPDATE SKIP LOCKED); on SQLite
     * the one UPDATE is atomic. A lease that ran out (its instance died mid-attempt) is due again.
     */
    async claimDueDeliveries(now, leaseUntil, limit) {
      // Pending, and nobody's lease, or a lease that ran out.
      const unleased = (eb: ExpressionBuilder<Database, 'webhook_deliveries'>) =>
        eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)])
      const due = () =>
        db
          .selectFrom('webhook_deliveries')
          .select('delivery_id')
          .where('status', '=', 'pending')
          .where('next_attempt_at', '<=', now)
          .where(unleased)
      // A read first: while nothing is due (almost always), no write touches the database, so
      // SQLite's read memo and write lock are left alone.
      if ((await due().limit(1).executeTakeFirst()) === undefined) return []
      const batch = flavor.lockRowsSkipLocked(due().orderBy('next_attempt_at').limit(limit))
      // The outer conditions again: PostgreSQL re-checks them on a row another instance just leased.
      const claimed = await db
        .updateTable('webhook_deliveries')
        .set({ lease_until: leaseUntil })
        .where('delivery_id', 'in', batch)
        .where('status', '=', 'pending')
        .where(unleased)
        .returning('delivery_id')
        .execute()
      if (claimed.length === 0) return []
      const rows = await db
        .selectFrom('webhook_deliveries as d')
        .innerJoin('webhooks as w', 'w.webhook_id', 'd.webhook_id')
        .innerJoin('events as e', 'e.event_id', 'd.event_id')
        .selectAll('d')
        .select(['w.url', 'w.secret_ciphertext'])
        .select([
          'e.event_type',
          'e.client_session_id',
          'e.connected_account_id',
          'e.connect_webview_id',
          'e.device_id',
          'e.access_code_id',
          'e.action_attempt_id',
          'e.details',
          'e.occurred_at',
          'e.created_at as event_created_at',
        ])
        .where(
          'd.delivery_id',
          'in',
          claimed.map((c) => c.delivery_id),
        )
        .execute()
      return rows.map((r) => ({
        delivery: toDelivery(r),
        leaseUntil,
        url: r.url,
        secretCiphertext: r.secret_ciphertext,
        event: toEvent({
          event_id: r.event_id,
          workspace_id: r.workspace_id,
          event_type: r.event_type,
          client_session_id: r.client_session_id,
          connected_account_id: r.connected_account_id,
          connect_webview_id: r.connect_webview_id,
          device_id: r.device_id,
          access_code_id: r.access_code_id,
          action_attempt_id: r.action_attempt_id,
          details: r.details,
          created_at: r.event_created_at,
          occurred_at: r.occurred_at,
        }),
      }))
    },

    /** Records attempts' outcomes, each only if the caller still holds the lease it attempted under. */
    finishDeliveryAttempts(finished) {
      if (finished.length === 0) return Promise.resolve([])
      // One transaction for the batch: one commit instead of one per delivery.
      return db.transaction().execute(async (trx) => {
        const held: boolean[] = []
        for (const { claimed, outcome } of finished) {
          const { delivery } = claimed
          const result = await trx
            .updateTable('webhook_deliveries')
            .set({
              status: outcome.status,
              attempts: delivery.attempts + 1,
              next_attempt_at: outcome.nextAttemptAt,
              lease_until: null,
              last_status: outcome.attempt.status,
              last_error: outcome.attempt.error,
              attempt_log: JSON.stringify([...delivery.attemptLog, outcome.attempt]),
              completed_at: outcome.status === 'pending' ? null : outcome.attempt.at,
            })
            .where('delivery_id', '=', delivery.deliveryId)
            .where('lease_until', '=', claimed.leaseUntil)
            .executeTakeFirst()
          held.push(Number(result.numUpdatedRows) > 0)
        }
        return held
      })
    },

    async listDeliveries(filter) {
      let query = db.selectFrom('webhook_deliveries').selectAll()
      if (filter.webhookId !== undefined) query = query.where('webhook_id', '=', filter.webhookId)
      if (filter.status !== undefined) query = query.where('status', '=', filter.status)
      const rows = await query.orderBy('created_at', 'desc').orderBy('delivery_id', 'desc').limit(filter.limit).execute()
      return rows.map(toDelivery)
    },

    /** Makes a delivery due again at once, keeping its attempts so far; false when there is none. */
    async redeliver(deliveryId, now) {
      const result = await db
        .updateTable('webhook_deliveries')
        .set({ status: 'pending', next_attempt_at: now, lease_until: null, completed_at: null })
        .where('delivery_id', '=', deliveryId)
        .executeTakeFirst()
      return Number(result.numUpdatedRows) > 0
    },

    async deliveryStats() {
      const counts = await db
        .selectFrom('webhook_deliveries')
        .select(['status', (eb) => eb.fn.countAll().as('count')])
        .groupBy('status')
        .execute()
      const oldestDelivery = await db
        .selectFrom('webhook_deliveries')
        .select('created_at')
        .where('status', '=', 'pending')
        .orderBy('created_at')
        .limit(1)
        .executeTakeFirst()
      // An event whose deliveries are not made yet is the oldest pending work as much as a delivery.
      const oldestMarked = await markedEvents(db).select('created_at').orderBy('created_at').limit(1).executeTakeFirst()
      const marked = await markedEvents(db)
        .select((eb) => eb.fn.countAll().as('count'))
        .executeTakeFirstOrThrow()
      const byStatus: Record<DeliveryStatus, number> = { pending: 0, succeeded: 0, failed: 0 }
      for (const row of counts) byStatus[row.status as DeliveryStatus] = Number(row.count)
      const oldest = [oldestDelivery, oldestMarked].flatMap((row) => (row === undefined ? [] : [toIso(row.created_at)])).sort()[0]
      return { byStatus, eventsAwaitingDeliveries: Number(marked.count), oldestPendingCreatedAt: oldest ?? null }
    },
  }
}
