import type { FastifyInstance, FastifyRequest } from 'fastify'

import { ApiError } from '../contract/api-error.ts'
import { sendError } from './error-envelope.ts'

/** Endpoints that answer for themselves during shutdown: probes must see the truth, not a blanket 503. */
export const OPERATIONAL_ROUTES = new Set(['/health', '/ready', '/metrics'])

/**
 * Where the server is between start and exit:
 * - serving;
 * - draining: readiness answers 503 so load balancers stop sending, requests are still served;
 * - closing: new requests get 503 service_unavailable in the error envelope, in-flight ones
 *   finish, and `whenIdle` resolves once none is left.
 */
export class Lifecycle {
  draining = false
  closing = false
  private inFlight = new Set<FastifyRequest>()
  private idleWaiters: Array<() => void> = []

  startDraining(): void {
    this.draining = true
  }

  startClosing(): void {
    this.draining = true
    this.closing = true
  }

  /** Resolves when no request is in flight (at once if none is). */
  whenIdle(): Promise<void> {
    if (this.inFlight.size === 0) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  begin(request: FastifyRequest): void {
    this.inFlight.add(request)
  }

  end(request: FastifyRequest): void {
    if (!this.inFlight.delete(request) || this.inFlight.size > 0) return
    for (const wake of this.idleWaiters.splice(0)) wake()
  }
}

export const installLifecycle = (app: FastifyInstance, lifecycle: Lifecycle): void => {
  app.addHook('onRequest', async (request, reply) => {
    if (lifecycle.closing && !OPERATIONAL_ROUTES.has(request.routeOptions.url ?? '')) {
      reply.header('connection', 'close').header('retry-after', '1')
      return sendError(reply, request, new ApiError(503, 'service_unavailable', 'The server is shutting down; retry on another instance.'))
    }
    lifecycle.begin(request)
  })
  app.addHook('onResponse', (request, _reply, done) => {
    lifecycle.end(request)
    done()
  })
  app.addHook('onRequestAbort', (request, done) => {
    lifecycle.end(request)
    done()
  })
}
