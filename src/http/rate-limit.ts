import type { FastifyInstance } from 'fastify'

import type { Clock } from '../clock.ts'
import { ApiError } from '../contract/api-error.ts'
import { sendError } from './error-envelope.ts'

const WINDOW_MS = 60_000
// Operational endpoints stay reachable for health checks and tooling whatever the load.
const EXEMPT = new Set(['/health', '/openapi.json'])

/**
 * A per-client-address limit on API requests, in fixed one-minute windows. The whole table is
 * dropped when the window turns, so memory is bounded by the clients seen in one minute.
 * Keyed by address rather than by presented credential: a credential id is not secret, so keying
 * on it would let anyone spend a victim's budget. Over the limit: 429 rate_limited with
 * Retry-After (seconds until the window turns).
 */
export const installRateLimit = (app: FastifyInstance, perMinute: number, clock: Clock): void => {
  let window = -1
  let counts = new Map<string, number>()
  app.addHook('onRequest', async (request, reply) => {
    // The matched route pattern, not the raw URL: no parsing per request, and query strings cannot dodge it.
    if (EXEMPT.has(request.routeOptions.url ?? '') || request.method === 'OPTIONS') return
    const now = clock.now().getTime()
    const current = Math.floor(now / WINDOW_MS)
    if (current !== window) {
      window = current
      counts = new Map()
    }
    const used = (counts.get(request.ip) ?? 0) + 1
    counts.set(request.ip, used)
    if (used > perMinute) {
      const retryAfter = Math.max(1, Math.ceil(((current + 1) * WINDOW_MS - now) / 1000))
      reply.header('retry-after', String(retryAfter))
      return sendError(reply, request, new ApiError(429, 'rate_limited', `Too many requests; retry in ${retryAfter} s.`))
    }
  })
}
