import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client'

import type { DeliveryStats } from '../store/records.ts'
import { CounterFamily, HistogramFamily } from './metric-families.ts'

/** Latency buckets in seconds, from a memoised read (~0.1 ms) to a slow request (10 s). */
const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10]

/**
 * The server's Prometheus metrics, in a registry of its own per app (tests build many apps in
 * one process). Route labels are route patterns, never raw URLs, so cardinality stays bounded.
 * The per-request series use metric-families.ts; the rare events use prom-client's own counters.
 */
export const createMetrics = () => {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'latchkey_' })
  return {
    registry,
    requests: new CounterFamily(
      'latchkey_http_requests_total',
      'HTTP requests answered, by route pattern, method and status code.',
      ['route', 'method', 'status'],
      registry,
    ),
    requestDuration: new HistogramFamily(
      'latchkey_http_request_duration_seconds',
      'Time from receiving a request to finishing its answer, by route pattern and method.',
      ['route', 'method'],
      BUCKETS,
      registry,
    ),
    storeDuration: new HistogramFamily(
      'latchkey_store_query_duration_seconds',
      'Time spent in each store operation (one or more SQL statements), by operation.',
      ['operation'],
      BUCKETS,
      registry,
    ),
    storeErrors: new Counter({
      name: 'latchkey_store_errors_total',
      help: 'Store operations that failed, by operation.',
      labelNames: ['operation'] as const,
      registers: [registry],
    }),
    sessionsCreated: new Counter({
      name: 'latchkey_client_sessions_created_total',
      help: 'Client sessions created.',
      registers: [registry],
    }),
    sessionsRevoked: new Counter({
      name: 'latchkey_client_sessions_revoked_total',
      help: 'Client sessions revoked.',
      registers: [registry],
    }),
    sessionsDeleted: new Counter({
      name: 'latchkey_client_sessions_deleted_total',
      help: 'Client sessions deleted.',
      registers: [registry],
    }),
    webhookDeliveries: new Counter({
      name: 'latchkey_webhook_deliveries_total',
      help: 'Webhook delivery attempts by this instance, by outcome: succeeded, retrying (a retry is scheduled) or failed (no retry is left).',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    tokensUndecryptable: new Counter({
      name: 'latchkey_client_session_tokens_undecryptable_total',
      help: 'Stored client session tokens no configured key could decrypt (answered as token: null).',
      registers: [registry],
    }),
  }
}

export type Metrics = ReturnType<typeof createMetrics>

/**
 * Gauges read from the delivery queue when scraped: every instance on one database reports the
 * same queue, so these are per database, not per instance.
 */
export const registerDeliveryQueueGauges = (registry: Registry, stats: () => Promise<DeliveryStats>): void => {
  new Gauge({
    name: 'latchkey_webhook_deliveries_pending',
    help: 'Webhook deliveries waiting for an attempt or a retry.',
    registers: [registry],
    async collect() {
      this.set((await stats()).byStatus.pending)
    },
  })
  new Gauge({
    name: 'latchkey_webhook_events_awaiting_deliveries',
    help: 'Events recorded in a workspace with a webhook whose deliveries are not made yet.',
    registers: [registry],
    async collect() {
      this.set((await stats()).eventsAwaitingDeliveries)
    },
  })
  new Gauge({
    name: 'latchkey_webhook_oldest_pending_delivery_age_seconds',
    help: 'Age of the oldest webhook delivery still pending (or event awaiting its deliveries); 0 when none is.',
    registers: [registry],
    async collect() {
      const { oldestPendingCreatedAt } = await stats()
      this.set(oldestPendingCreatedAt === null ? 0 : Math.max(0, (Date.now() - Date.parse(oldestPendingCreatedAt)) / 1000))
    },
  })
}
