import { type EventLoopUtilization, performance } from 'node:perf_hooks'

import type { TokenCipher } from '../auth/token-cipher.ts'
import { signWebhook } from '../auth/webhook-signing.ts'
import { type Clock, systemClock } from '../clock.ts'
import type { WebhookConfig } from '../domain/context.ts'
import { toEventResource } from '../domain/resources/event.ts'
import type { ClaimedDelivery, DeliveryOutcome } from '../store/records.ts'
import type { Store } from '../store/store.ts'
import { resolveDestination } from './destination.ts'
import { createDeliveryAgents, sendDelivery, type SendResult } from './send.ts'

/** Deliveries one instance leases and attempts at once; their outcomes are written in one transaction. */
const BATCH = 100
/** The pause between rounds while a backlog remains: long enough to see how busy requests keep the loop. */
const BACKLOG_GAP_MS = 20
/**
 * Above this share of the event loop spent on other work (requests) during the pause before a
 * round, the round waits: delivery gives way to requests. Measured over the pause, when no
 * delivery runs, so delivery's own work never holds it back.
 */
const BUSY_UTILIZATION = 0.75
/** The longest delivery gives way: while the server stays busy, one round each this often. */
const MAX_DEFER_MS = 1000
/**
 * A round that runs although the server is busy (its wait ran out) takes this many: enough to
 * keep a trickle going, few enough that a saturated server spends little on it. With BATCH, such
 * a round cost a saturated PostgreSQL-backed server 10–14 % of its client_sessions/delete rate.
 */
const BUSY_BATCH = 20

export type DeliveryResult = 'succeeded' | 'retrying' | 'failed'

export interface WebhookDispatcher {
  start(): void
  /** Stops looking for work and waits for the attempts under way. */
  stop(): Promise<void>
}

interface DispatcherParts {
  store: Store
  cipher: TokenCipher
  config: WebhookConfig
  /**
   * The app's clock: what is due, when an attempt happened, when it is retried and the
   * svix-timestamp all read it, so a test moves retries along by advancing it. (How long a round
   * waits for a quieter loop is a duration of real time, measured with performance.now().)
   * The system clock when omitted.
   */
  clock?: Clock
  /** Told of each attempt's result (metrics). */
  onResult?: (result: DeliveryResult) => void
  /** Told of a failure to reach the store; the dispatcher carries on. */
  onError?: (error: unknown) => void
  /**
   * The share of the event loop busy since `mark` was taken (0–1): by default Node's event-loop
   * utilization; tests give their own.
   */
  loopLoad?: LoopLoad
  /** The longest a round waits for a quieter loop; MAX_DEFER_MS unless a test says otherwise. */
  maxDeferMs?: number
}

export interface LoopLoad {
  mark(): unknown
  since(mark: unknown): number
}

const eventLoopLoad: LoopLoad = {
  mark: () => performance.eventLoopUtilization(),
  since: (mark) => performance.eventLoopUtilization(mark as EventLoopUtilization).utilization,
}

const iso = (ms: number) => new Date(ms).toISOString()

/**
 * Svix's message id, the same on every attempt and every redelivery of one event, so a receiver
 * can drop a duplicate.
 */
export const messageId = (eventId: string): string => `msg_${eventId.replaceAll('-', '')}`

/** What the attempt's result means under the retry schedule. */
export const outcomeOf = (result: SendResult, attemptsBefore: number, schedule: readonly number[], nowMs: number): DeliveryOutcome => {
  const attempt = { at: iso(nowMs), status: result.status, error: result.error, duration_ms: result.duration_ms }
  if (result.status !== null && result.status >= 200 && result.status < 300)
    return { attempt, status: 'succeeded', nextAttemptAt: iso(nowMs) }
  const wait = schedule[attemptsBefore]
  if (wait === undefined) return { attempt, status: 'failed', nextAttemptAt: iso(nowMs) }
  return { attempt, status: 'pending', nextAttemptAt: iso(nowMs + wait * 1000) }
}

/**
 * Delivers what the store's queue holds, in the background of each server instance: due
 * deliveries are leased (one instance at a time each), signed as Svix signs, POSTed, and their
 * outcome written back. Nothing here runs on a request's path; a request only marks its event.
 */
export const createWebhookDispatcher = ({
  store,
  cipher,
  config,
  clock = systemClock,
  onResult,
  onError,
  loopLoad = eventLoopLoad,
  maxDeferMs = MAX_DEFER_MS,
}: DispatcherParts): WebhookDispatcher => {
  const nowMs = () => clock.now().getTime()
  let running = false
  let loop: Promise<void> | undefined
  let wake: (() => void) | undefined
  // An attempt holds its delivery this long at most: the receiver's time and a margin.
  const leaseMs = config.timeoutMs + 30_000

  const agents = createDeliveryAgents()
  const attempt = async (claimed: ClaimedDelivery): Promise<{ claimed: ClaimedDelivery; outcome: DeliveryOutcome }> => {
    const { delivery, event } = claimed
    const body = JSON.stringify(toEventResource(event))
    let result: SendResult
    const destination = await resolveDestination(claimed.url, config.allowHosts)
    if (!destination.ok) {
      result = { status: null, error: destination.error, duration_ms: 0 }
    } else {
      let secret: string | undefined
      try {
        // Opened for this attempt only.
        secret = cipher.decrypt(claimed.secretCiphertext, delivery.webhookId)
      } catch {
        secret = undefined
      }
      if (secret === undefined) {
        result = { status: null, error: 'no configured key opens the webhook secret', duration_ms: 0 }
      } else {
        const id = messageId(delivery.eventId)
        const timestamp = Math.floor(nowMs() / 1000)
        const headers = { 'svix-id': id, 'svix-timestamp': String(timestamp), 'svix-signature': signWebhook(secret, id, timestamp, body) }
        result = await sendDelivery(destination, headers, body, config.timeoutMs, agents)
      }
    }
    return { claimed, outcome: outcomeOf(result, delivery.attempts, config.retryScheduleSeconds, nowMs()) }
  }

  /** One round: new events' deliveries made, then due deliveries attempted; answers the larger count. */
  const runOnce = async (limit: number): Promise<number> => {
    const now = nowMs()
    const fannedOut = await store.fanOutEvents(iso(now), limit)
    const claimed = await store.claimDueDeliveries(iso(now), iso(now + leaseMs), limit)
    if (claimed.length === 0) return fannedOut
    const finished = await Promise.all(claimed.map(attempt))
    const held = await store.finishDeliveryAttempts(finished)
    finished.forEach(({ outcome }, i) => {
      if (held[i] === true) onResult?.(outcome.status === 'pending' ? 'retrying' : outcome.status)
    })
    return Math.max(fannedOut, claimed.length)
  }

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms)
      // The poll never keeps the process alive by itself.
      timer.unref()
      wake = () => {
        clearTimeout(timer)
        resolve()
      }
    })

  /**
   * Rounds until stopped. Before each, a pause (short while a backlog remains, the poll interval
   * otherwise) during which the loop's load is measured: when requests kept it busy, the round
   * waits for a quieter pause, at most MAX_DEFER_MS, and then takes only BUSY_BATCH. A server
   * saturated with requests thus delivers a trickle and catches up as soon as the load drops.
   */
  const run = async () => {
    let backlog = false
    let lastRound = performance.now()
    while (running) {
      const mark = loopLoad.mark()
      await pause(backlog ? BACKLOG_GAP_MS : config.pollMs)
      if (!running) break
      const busy = loopLoad.since(mark) > BUSY_UTILIZATION
      if (busy && performance.now() - lastRound < maxDeferMs) continue
      lastRound = performance.now()
      const limit = busy ? BUSY_BATCH : BATCH
      try {
        backlog = (await runOnce(limit)) >= limit
      } catch (error) {
        backlog = false
        onError?.(error)
      }
    }
  }

  return {
    start() {
      if (running) return
      running = true
      loop = run()
    },
    async stop() {
      running = false
      wake?.()
      await loop
      agents.close()
    },
  }
}
