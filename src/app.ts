import type { Server } from 'node:http'

import { type DestinationStream, type Level, type Logger, pino } from 'pino'
import type { Registry } from 'prom-client'

import { ROUTES, SERVED_ROUTES } from './routes/index.ts'
import { webviewPages } from './webview/pages.ts'
import type { AppParts } from './domain/context.ts'
import { clientErrorAnswerer } from './http/client-errors.ts'
import { corsPolicy } from './http/cors.ts'
import { type TrustProxy, trustFunction } from './http/forwarded.ts'
import { instrumentContext } from './http/instrument.ts'
import { Lifecycle } from './http/lifecycle.ts'
import { createMetrics, registerDeliveryQueueGauges } from './http/metrics.ts'
import { operationalEndpoints, telemetrySink } from './http/operational-routes.ts'
import { passWriter } from './http/writer.ts'
import { createPipeline } from './http/pipeline.ts'
import { memoryCounter, rateLimit, storeCounter } from './http/rate-limit.ts'
import { requestRecorder } from './http/request-log.ts'
import { createRouter } from './http/router.ts'
import { createHttpServer, listeningUrl } from './http/server.ts'
import { StorageWatch } from './http/storage-watch.ts'
import { answerWriter } from './http/writer.ts'
import { createWebhookDispatcher } from './webhooks/dispatcher.ts'
import { optional, whenDefined } from './store/optional.ts'

export type { TrustProxy }

export interface CreateAppOptions extends AppParts {
  /** Where JSON log lines go; omitted means no logging (tests). */
  logStream?: DestinationStream
  logLevel?: Level | 'silent'
  /** Omitted or false: the socket's address is the client's, and forwarded headers are ignored. */
  trustProxy?: TrustProxy
  /** The token keys this server holds, for readiness to compare with the database's key check. */
  keys?: Buffer[]
  /** Shared with whoever stops the server (drain, then close). */
  lifecycle?: Lifecycle
  /** Set in a worker of `serve --workers N`: joins the worker's metrics to the others'. */
  joinCluster?: JoinCluster
}

/** What a worker process gets from the process supervising it (cli/cluster-worker.ts). */
export type JoinCluster = (registry: Registry) => { clusterMetrics(): Promise<{ text: string; contentType: string }> }

/** The server, built and not yet listening. */
export interface LatchkeyApp {
  /** The node:http server: tests hand it requests (`emit('request', …)`) or listen on port 0. */
  readonly server: Server
  readonly log: Logger
  /** Starts the background work (webhook deliveries); `listen` calls it. */
  ready(): Promise<void>
  /** Listens and answers the URL it is reached at. */
  listen(options: { host: string; port: number }): Promise<string>
  /** Stops the background work, closes idle connections and the port, and waits for the rest. */
  close(): Promise<void>
}

const createLogger = (logStream: DestinationStream | undefined, logLevel: Level | 'silent' | undefined): Logger =>
  logStream === undefined
    ? pino({ enabled: false })
    : pino(
        {
          level: logLevel ?? 'info',
          // Belt and braces: no log call passes a request, but if one ever does, credentials and
          // bodies are still cut out.
          redact: {
            paths: [
              'req.headers.authorization',
              'req.headers["client-session-token"]',
              'req.headers["seam-client-session-token"]',
              'req.headers["seam-publishable-key"]',
              'headers',
              'body',
            ],
            censor: '[redacted]',
          },
        },
        logStream,
      )

/**
 * The composition root: builds the server without listening (tests inject requests or listen on
 * port 0; only `serve` binds a real port). It wires one pipeline (http/pipeline.ts) in front of
 * the routes, pages and probes, and the store behind them.
 */
export const createApp = ({
  logStream,
  logLevel,
  trustProxy,
  keys,
  lifecycle = new Lifecycle(),
  joinCluster,
  ...parts
}: CreateAppOptions): LatchkeyApp => {
  const log = createLogger(logStream, logLevel)
  const metrics = createMetrics()
  const trust = trustFunction(trustProxy ?? false)
  const cluster = joinCluster?.(metrics.registry)
  // Sees the store's failures through the instrumented store, and probes it for readiness.
  const storage = new StorageWatch(parts.store, parts.clock)
  const context = instrumentContext(parts, metrics, log, storage)
  const { config } = context

  const requestLines = logStream !== undefined && ['info', 'debug', 'trace'].includes(logLevel ?? 'info') ? logStream : null
  const passes = passWriter()
  const writer = answerWriter({
    passes,
    record: requestRecorder(metrics, requestLines),
    trust,
    log,
  })
  const router = createRouter(SERVED_ROUTES, [
    ...operationalEndpoints({
      store: context.store,
      storage,
      lifecycle,
      metrics,
      keys: keys ?? null,
      // Built on the first request for it: start-up pays nothing for a document few ask for.
      openApi: async () => (await import('./http/openapi.ts')).buildOpenApi(ROUTES),
      ...optional({ clusterMetrics: whenDefined(cluster, (c) => () => c.clusterMetrics()) }),
    }),
    telemetrySink(config.bodyLimitBytes),
    ...webviewPages(context),
  ])
  // Servers sharing a database (PostgreSQL, or the workers of one server) share each client's
  // budget, counted in the database; a lone process counts in memory.
  const limit =
    config.rateLimitPerMinute === null
      ? null
      : rateLimit(
          config.rateLimitPerMinute,
          context.clock,
          context.store.flavor === 'postgres' || cluster !== undefined ? storeCounter(context.store) : memoryCounter(),
        )
  const pipeline = createPipeline({
    router,
    context,
    lifecycle,
    cors: corsPolicy(config.corsOrigins),
    rateLimit: limit,
    passes,
    writer,
    trust,
    log,
  })
  const server = createHttpServer(pipeline, clientErrorAnswerer(writer, log), config.requestTimeoutMs)
  lifecycle.attach(server)

  // Webhooks are delivered in the background of every instance (webhooks/dispatcher.ts).
  const dispatcher = createWebhookDispatcher({
    store: context.store,
    // The plain cipher: a webhook secret that will not open is the delivery's error, not a token's.
    cipher: parts.tokenCipher,
    config: config.webhooks,
    clock: context.clock,
    onResult: (outcome) => metrics.webhookDeliveries.inc({ outcome }),
  })
  registerDeliveryQueueGauges(metrics.registry, () => context.store.deliveryStats())
  let started = false

  return {
    server,
    log,
    async ready() {
      if (started) return
      started = true
      dispatcher.start()
    },
    async listen({ host, port }) {
      await this.ready()
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          server.off('error', reject)
          resolve()
        })
      })
      return listeningUrl(server)
    },
    async close() {
      if (started) await dispatcher.stop()
      if (!server.listening) return
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      await closed
    },
  }
}
