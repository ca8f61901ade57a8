import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'

import type { Clock } from '../clock.ts'
import { ApiError } from '../contract/api-error.ts'
import type { Store } from '../store/store.ts'
import { OPERATIONAL_ROUTES } from './lifecycle.ts'

const WINDOW_MS = 60_000
// Operational endpoints stay reachable for probes and tooling whatever the load.
const EXEMPT = new Set([...OPERATIONAL_ROUTES, '/openapi.json'])

/** Counts requests per key in fixed windows; answers the count so far in the window. */
export interface RateLimitCounter {
  hit(key: string, windowStart: number): Promise<number>
}

/** One process's counts; the table is dropped when the window turns, so memory is bounded by one minute of clients. */
export const memoryCounter = (): RateLimitCounter => {
  let window = -1
  let counts = new Map<string, number>()
  return {
    async hit(key, windowStart) {
      if (windowStart !== window) {
        window = windowStart
        counts = new Map()
      }
      const used = (counts.get(key) ?? 0) + 1
      counts.set(key, used)
      return used
    },
  }
}

/**
 * Counts in the database, so every server sharing it shares one budget per client: one upsert
 * per request. Each server prunes finished windows once per window.
 */
export const storeCounter = (store: Store): RateLimitCounter => {
  let prunedFor = -1
  return {
    async hit(key, windowStart) {
      if (windowStart !== prunedFor) {
        prunedFor = windowStart
        await store.pruneRateLimits(windowStart)
      }
      return store.hitRateLimit(key, windowStart)
    },
  }
}

/**
 * @fastify/rate-limit with a store over one of the counters above, in fixed windows on the
 * app's clock (so tests can turn the window). Keyed by client address (request.ip, which
 * honours --trust-proxy) rather than by credential: a credential id is not secret, so keying on
 * it would let anyone spend a victim's budget. Answers carry X-RateLimit-Limit/-Remaining/-Reset;
 * over the limit: 429 rate_limited with Retry-After.
 */
export const installRateLimit = (app: FastifyInstance, perMinute: number, clock: Clock, counter: RateLimitCounter): void => {
  class CounterStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void): void {
      const now = clock.now().getTime()
      const windowStart = Math.floor(now / WINDOW_MS) * WINDOW_MS
      counter.hit(key, windowStart).then(
        (current) => callback(null, { current, ttl: windowStart + WINDOW_MS - now }),
        (error: Error) => callback(error),
      )
    }

    child(): CounterStore {
      return this
    }
  }
  void app.register(rateLimit, {
    global: true,
    max: perMinute,
    timeWindow: WINDOW_MS,
    store: CounterStore,
    keyGenerator: (request) => request.ip,
    allowList: (request) => request.method === 'OPTIONS' || EXEMPT.has(request.routeOptions.url ?? ''),
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000))
      return new ApiError(429, 'rate_limited', `Too many requests; retry in ${seconds} s.`)
    },
  })
}
