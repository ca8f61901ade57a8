import type { Clock } from '../clock.ts'
import type { Store } from '../store/store.ts'
import { HttpRefusal } from './error-envelope.ts'

const WINDOW_MS = 60_000

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

/** Counts one request of a client; answers the headers to add, or throws the 429 to answer. */
export type RateLimit = (clientAddress: string) => Promise<readonly string[]>

/**
 * Fixed windows of a minute on the app's clock (so tests can turn the window), keyed by client
 * address (which honours --trust-proxy) rather than by credential: a credential id is not secret,
 * so keying on it would let anyone spend a victim's budget. Answers carry
 * X-RateLimit-Limit/-Remaining/-Reset; over the limit: 429 rate_limited with Retry-After.
 *
 * Written here rather than taken from a rate-limit library: the counting is the counters above
 * (in memory, or in the database shared by every instance), and what is left is these headers.
 */
export const rateLimit = (perMinute: number, clock: Clock, counter: RateLimitCounter): RateLimit => {
  const limit = String(perMinute)
  return async (clientAddress) => {
    const now = clock.now().getTime()
    const windowStart = Math.floor(now / WINDOW_MS) * WINDOW_MS
    const used = await counter.hit(clientAddress, windowStart)
    const seconds = String(Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000)))
    const headers = [
      'x-ratelimit-limit',
      limit,
      'x-ratelimit-remaining',
      String(Math.max(0, perMinute - used)),
      'x-ratelimit-reset',
      seconds,
    ]
    if (used > perMinute) {
      throw new HttpRefusal(429, 'rate_limited', `Too many requests; retry in ${seconds} s.`, [...headers, 'retry-after', seconds])
    }
    return headers
  }
}
