import { randomUUID } from 'node:crypto'
import { createServer } from 'node:http'

import Fastify, { type FastifyInstance, LogController } from 'fastify'
import type { DestinationStream, Level } from 'pino'
import type { Registry } from 'prom-client'

import { ApiError } from './contract/api-error.ts'
import { ROUTES } from './routes/index.ts'
import { installWebviewPages } from './webview/pages.ts'
import { installBodyParser } from './http/body-parser.ts'
import { answerClientError } from './http/client-errors.ts'
import { answerExpectationFailed, answerFrameworkError, answeredMissingHost } from './http/server-answers.ts'
import type { AppParts } from './domain/context.ts'
import { corsAnswerHeaders, installCors } from './http/cors.ts'
import { handleError, sendError } from './http/error-envelope.ts'
import { Lifecycle, installLifecycle } from './http/lifecycle.ts'
import { createMetrics, registerDeliveryQueueGauges } from './http/metrics.ts'
import { createWebhookDispatcher } from './webhooks/dispatcher.ts'
import { buildOpenApi } from './http/openapi.ts'
import { installOperationalRoutes } from './http/operational-routes.ts'
import { installRateLimit, memoryCounter, storeCounter } from './http/rate-limit.ts'
import { installRequestFacts } from './http/request-facts.ts'
import { installRequestLog, requestRecorder } from './http/request-log.ts'
import { type RequestListener, directTransport } from './http/transport/direct.ts'
import { type TrustProxy, trustFunction } from './http/forwarded.ts'
import { installTelemetrySink } from './http/telemetry-sink.ts'
import { mountRoutes } from './http/transport/fastify.ts'
import { instrumentContext } from './http/instrument.ts'
import { StorageWatch } from './http/storage-watch.ts'

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
  /** False sends every request through the Fastify transport (tests compare both); default true. */
  directPath?: boolean
}

/** What a worker process gets from the process supervising it (cli/cluster-worker.ts). */
export type JoinCluster = (registry: Registry) => { clusterMetrics(): Promise<{ text: string; contentType: string }> }

/**
 * Builds the server without listening: tests inject
 * requests or listen on port 0; only `serve` binds a real port.
 */
export const createApp = ({
  logStream,
  logLevel,
  trustProxy,
  keys,
  lifecycle = new Lifecycle(),
  joinCluster,
  directPath: answerDirectly = true,
  ...rawContext
}: CreateAppOptions): FastifyInstance => {
  const metrics = createMetrics()
  const trust = trustFunction(trustProxy ?? false)
  const cluster = joinCluster?.(metrics.registry)
  // The server is created inside Fastify(), before the context the direct path needs exists:
  // it dispatches through `listener`, which is Fastify's own handler until the direct transport is set up.
  let fastifyHandler: RequestListener | undefined
  let listener: RequestListener | undefined
  const app = Fastify({
    // Fastify's own server, with the same settings it applies to the one it creates itself, but
    // with the direct transport (http/transport/direct.ts) in front when it is on.
    serverFactory: (fastify, fastifyOptions) => {
      // Fastify has filled in its defaults by the time it calls this.
      const options = fastifyOptions as { keepAliveTimeout: number; connectionTimeout: number; maxRequestsPerSocket: number }
      fastifyHandler = fastify
      listener = fastify
      const { requestTimeoutMs } = rawContext.config
      const server = createServer(
        {
          // Answered in the envelope by answeredMissingHost instead of node:http's bare 400.
          requireHostHeader: false,
          // node:http enforces the request timeout only when it checks its connections; checking
          // every second (by default every 30 s) keeps a stalled body's 408 near its deadline.
          connectionsCheckingInterval: Math.min(1_000, requestTimeoutMs),
        },
        (request, response) => {
          if (!answeredMissingHost(request, response)) (listener as RequestListener)(request, response)
        },
      )
      server.on('checkExpectation', answerExpectationFailed)
      server.keepAliveTimeout = options.keepAliveTimeout
      // Headers and body together (Fastify's default, 0, never times a body out); the headers'
      // own limit may not be longer.
      server.requestTimeout = requestTimeoutMs
      server.headersTimeout = Math.min(server.headersTimeout, requestTimeoutMs)
      server.setTimeout(options.connectionTimeout)
      if (options.maxRequestsPerSocket > 0) server.maxRequestsPerSocket = options.maxRequestsPerSocket
      return server
    },
    logger:
      logStream === undefined
        ? false
        : {
            stream: logStream,
            level: logLevel ?? 'info',
            // Belt and braces: request logging below never includes headers or bodies, but if a
            // future log call passes a request, credentials are still cut out.
            redact: {
              paths: ['req.headers.authorization', 'req.headers["client-session-token"]', 'req.headers["seam-client-session-token"]', 'req.headers["seam-publishable-key"]', 'headers', 'body'],
              censor: '[redacted]',
            },
          },
    // One line per request comes from the request log below, labelled request_id.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'request_id' }),
    // No child logger per request (it was a measurable share of the hot path): the rare lines
    // logged while handling a request name their request_id themselves.
    childLoggerFactory: (logger) => logger,
    genReqId: () => randomUUID(),
    bodyLimit: rawContext.config.bodyLimitBytes,
    exposeHeadRoutes: false,
    // Shutdown is the lifecycle's: it answers in the error envelope, which Fastify's own 503 is not.
    return503OnClosing: false,
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
    // The function itself, so Fastify and the direct path believe exactly the same proxies.
    trustProxy: trust ?? false,
  })
  // Sees the store's failures through the instrumented store, and probes it for readiness.
  const storage = new StorageWatch(rawContext.store, rawContext.clock)
  const context = instrumentContext(rawContext, metrics, app.log, storage)
  // Webhooks are delivered in the background of every instance (webhooks/dispatcher.ts).
  const dispatcher = createWebhookDispatcher({
    store: context.store,
    // The plain cipher: a webhook secret that will not open is the delivery's error, not a token's.
    cipher: rawContext.tokenCipher,
    config: context.config.webhooks,
    onResult: (outcome) => metrics.webhookDeliveries.inc({ outcome }),
  })
  registerDeliveryQueueGauges(metrics.registry, () => context.store.deliveryStats())
  app.addHook('onReady', async () => dispatcher.start())
  app.addHook('onClose', async () => dispatcher.stop())
  const requestLines = logStream !== undefined && ['info', 'debug', 'trace'].includes(logLevel ?? 'info') ? logStream : null
  const record = requestRecorder(metrics, requestLines)

  // Hook order matters: every answer, the shutdown 503 and the 429 included, carries the request
  // id and the CORS headers, so these go first.
  installRequestFacts(app)
  installBodyParser(app)
  installCors(app, context.config.corsOrigins)
  installLifecycle(app, lifecycle)
  if (context.config.rateLimitPerMinute !== null) {
    // Servers sharing a database (PostgreSQL, or the workers of one server) share each client's
    // budget, counted in the database; a lone process counts in memory.
    const counter = context.store.flavor === 'postgres' || cluster !== undefined ? storeCounter(context.store) : memoryCounter()
    installRateLimit(app, context.config.rateLimitPerMinute, context.clock, counter)
  }
  installRequestLog(app, record)
  // Two transports hand requests to one pipeline (http/pipeline.ts): the direct one takes what it
  // covers and declines the rest (a configured rate limit included) to Fastify's.
  if (answerDirectly && fastifyHandler !== undefined) {
    listener = directTransport(
      { routes: ROUTES, context, lifecycle, record, corsHeaders: corsAnswerHeaders(context.config.corsOrigins), log: app.log, trust },
      fastifyHandler,
    )
  }
  app.setErrorHandler(handleError)

  // Routes go in a plugin registered after the rate limiter's, so the limiter's per-route hook
  // (it attaches on route registration) sees every one of them.
  const openApi = buildOpenApi(ROUTES)
  void app.register(async (routes) => {
    mountRoutes(routes, ROUTES, context)
    installWebviewPages(routes, context)
    installTelemetrySink(routes)
    installOperationalRoutes(routes, { store: context.store, storage, lifecycle, metrics, keys: keys ?? null, ...(cluster === undefined ? {} : { clusterMetrics: () => cluster.clusterMetrics() }) })
    routes.get('/openapi.json', async () => openApi)
    // Requests for paths that do not exist count against the rate limit too.
    const limitUnknownPaths = context.config.rateLimitPerMinute === null ? {} : { preHandler: routes.rateLimit() }
    routes.setNotFoundHandler(limitUnknownPaths, (request, reply) => {
      // A preflight from an origin the CORS settings refuse: the CORS plugin leaves it to this
      // handler. It is still a preflight, answered 204, only without CORS headers, so the browser
      // refuses the call it asked about.
      if (request.method === 'OPTIONS') return reply.code(204).header('content-length', '0').send()
      return sendError(reply, request, new ApiError(404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}.`))
    })
  })
  return app
}
