import type { FastifyInstance } from 'fastify'

import type { Metrics } from './metrics.ts'

/**
 * One log line and one metrics sample per answered request. The line names the route pattern,
 * status, time, error type, workspace, credential kind and client address (request.ip, which
 * honours --trust-proxy), and never a credential, a header or a body.
 */
export const installRequestLog = (app: FastifyInstance, metrics: Metrics): void => {
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched'
    const seconds = reply.elapsedTime / 1000
    metrics.requests.inc({ route, method: request.method, status: reply.statusCode })
    metrics.requestDuration.observe({ route, method: request.method }, seconds)
    const facts = request.facts
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? null,
        status: reply.statusCode,
        duration_ms: Math.round(reply.elapsedTime * 100) / 100,
        error_type: facts?.error_type ?? null,
        workspace_id: facts?.workspace_id ?? null,
        credential: facts?.credential ?? null,
        client_address: request.ip,
      },
      'request',
    )
    done()
  })
}
