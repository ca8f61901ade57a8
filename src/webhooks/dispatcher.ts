import type { TokenCipher } from '../auth/token-cipher.ts'
import type { WebhookConfig } from '../domain/context.ts'
import { toEventResource } from '../domain/resources/event.ts'
import type { ClaimedDelivery, DeliveryOutcome } from '../store/records.ts'
import type { Store } from '../store/store.ts'
import { resolveDestination } from './destination.ts'
import { createDeliveryAgents, sendDelivery, type SendResult } from './send.ts'
import { signWebhook } from './signature.ts'

/** Deliveries one instance leases and attempts at once; their outcomes are written in one transaction. */
const BATCH = 100

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
  /** Told of each attempt's result (metrics). */
  onResult?: (result: DeliveryResult) => void
  /** Told of a failure to reach the store; the dispatcher carries on. */
  onError?: (error: unknown) => void
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
  if (result.status !== null && result.status >= 200 && result.status < 300) return { attempt, status: 'succeeded', nextAttemptAt: iso(nowMs) }
  const wait = schedule[attemptsBefore]
  if (wait === undefined) return { attempt, status: 'failed', nextAttemptAt: iso(nowMs) }
  return { attempt, status: 'pending', nextAttemptAt: iso(nowMs + wait * 1000) }
}

/**
 * Delivers what the store's queue holds, in the background of each server instance: due
 * deliveries are leased (one instance at a time each), signed as Svix signs, POSTed, and their
 * outcome written back. Nothing here runs on a request's path; a request only inserts rows.
 */
export const createWebhookDispatcher = ({ store, cipher, config, onResult, onError }: DispatcherParts): WebhookDispatcher => {
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
        const timestamp = Math.floor(Date.now() / 1000)
        const headers = { 'svix-id': id, 'svix-timestamp': String(timestamp), 'svix-signature': signWebhook(secret, id, timestamp, body) }
        result = await sendDelivery(destination, headers, body, config.timeoutMs, agents)
      }
    }
    return { claimed, outcome: outcomeOf(result, delivery.attempts, config.retryScheduleSeconds, Date.now()) }
  }

  const runOnce = async (): Promise<number> => {
    const now = Date.now()
    const claimed = await store.claimDueDeliveries(iso(now), iso(now + leaseMs), BATCH)
    if (claimed.length === 0) return 0
    const finished = await Promise.all(claimed.map(attempt))
    const held = await store.finishDeliveryAttempts(finished)
    finished.forEach(({ outcome }, i) => {
      if (held[i] === true) onResult?.(outcome.status === 'pending' ? 'retrying' : outcome.status)
    })
    return claimed.length
  }

  const pause = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, config.pollMs)
      // The poll never keeps the process alive by itself.
      timer.unref()
      wake = () => {
        clearTimeout(timer)
        resolve()
      }
    })

  const run = async () => {
    while (running) {
      let taken = 0
      try {
        taken = await runOnce()
      } catch (error) {
        onError?.(error)
      }
      if (running && taken < BATCH) await pause()
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
