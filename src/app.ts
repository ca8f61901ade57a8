import { randomUUID } from 'node:crypto'

import Fastify, { type FastifyInstance, LogController } from 'fastify'
import type { DestinationStream } from 'pino'

import { ApiError } from './contract/api-error.ts'
import { ROUTES } from './routes/index.ts'
import { installWebviewPages } from './webview/pages.ts'
import { installBodyParser } from './http/body-parser.ts'
import type { AppContext } from './domain/context.ts'
import { installCors } from './http/cors.ts'
import { handleError, sendError } from './http/error-envelope.ts'
import { buildOpenApi } from './http/openapi.ts'
import { installRateLimit } from './http/rate-limit.ts'
import { installTelemetrySink } from './http/telemetry-sink.ts'
import { registerRoute } from './http/register-route.ts'

export interface CreateAppOptions extends AppContext {
  /** Where JSON log lines go; omitted means no logging (tests). */
  logStream?: DestinationStream
}

/**
 * Builds the server without listening: tests inject
 * requests or listen on port 0; only `serve` binds a real port.
 */
export const createApp = ({ logStream, ...context }: CreateAppOptions): FastifyInstance => {
  const app = Fastify({
    logger:
      logStream === undefined
        ? false
        : {
            stream: logStream,
            // Belt and braces: request logging below never includes headers or bodies, but if a
            // future log call passes a request, credentials are still cut out.
            redact: {
              paths: ['req.headers.authorization', 'req.headers["client-session-token"]', 'req.headers["seam-client-session-token"]', 'req.headers["seam-publishable-key"]', 'headers', 'body'],
              censor: '[redacted]',
            },
          },
    // One line per request comes from the onResponse hook below, labelled request_id.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'request_id' }),
    genReqId: () => randomUUID(),
    bodyLimit: context.config.bodyLimitBytes,
    exposeHeadRoutes: false,
    return503OnClosing: true,
  })

  installBodyParser(app)
  installCors(app, context.config.corsOrigins)
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('seam-request-id', request.id)
    done()
  })
  if (context.config.rateLimitPerMinute !== null) installRateLimit(app, context.config.rateLimitPerMinute, context.clock)
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? null,
        status: reply.statusCode,
        duration_ms: Math.round(reply.elapsedTime * 100) / 100,
      },
      'request',
    )
    done()
  })
  app.setErrorHandler(handleError)
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, request, new ApiError(404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}.`)),
  )

  for (const route of ROUTES) registerRoute(app, route, context)
  installWebviewPages(app, context)
  installTelemetrySink(app)

  const openApi = buildOpenApi(ROUTES)
  app.get('/openapi.json', async () => openApi)
  app.get('/health', async (request, reply) => {
    try {
      await context.store.ping()
      return { ok: true }
    } catch {
      return sendError(reply, request, new ApiError(503, 'service_unavailable', 'The store is not answering.'))
    }
  })
  return app
}
