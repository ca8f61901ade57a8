import type { TokenCipher } from '../auth/token-cipher.ts'
import type { Clock } from '../clock.ts'
import type { Store } from '../store/store.ts'
import type { DeviceJson } from './resources/device-json.ts'
import type { ClientSessionJson } from './resources/client-session-json.ts'

export interface AppConfig {
  /** Default lifetime of a client session (contract §3: one year, Seam's reference behaviour). */
  sessionLifetimeMs: number
  /** Largest accepted request body; larger answers 413 payload_too_large. */
  bodyLimitBytes: number
  /** API requests per minute per client address; null turns the limit off (the default). */
  rateLimitPerMinute: number | null
  /** The origin browsers use to reach this server (webview URLs); null derives it from each request. */
  publicUrl: string | null
  /** Origins whose pages may read answers (CORS); null lets any origin (no cookies are used). */
  corsOrigins: readonly string[] | null
  /**
   * How long a request may take to arrive, headers and body; a request still arriving then is
   * answered 408 and its connection closed, so a client that stalls holds no memory for long.
   */
  requestTimeoutMs: number
  webhooks: WebhookConfig
}

export interface WebhookConfig {
  /** Seconds to wait before each retry; after the last one the delivery is marked failed. */
  retryScheduleSeconds: readonly number[]
  /** Hosts a delivery may reach even though they resolve to a loopback, private or link-local address. */
  allowHosts: readonly string[]
  /** How long a receiver has to answer. */
  timeoutMs: number
  /** How often each instance looks for deliveries that are due. */
  pollMs: number
}

/** Svix's schedule, which Seam's webhooks follow: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const SVIX_RETRY_SCHEDULE_SECONDS = [5, 300, 1800, 7200, 18_000, 36_000, 36_000]

export const DEFAULT_CONFIG: AppConfig = {
  sessionLifetimeMs: 365 * 24 * 60 * 60 * 1000,
  bodyLimitBytes: 1024 * 1024,
  rateLimitPerMinute: null,
  publicUrl: null,
  corsOrigins: null,
  requestTimeoutMs: 30_000,
  webhooks: { retryScheduleSeconds: SVIX_RETRY_SCHEDULE_SECONDS, allowHosts: [], timeoutMs: 15_000, pollMs: 250 },
}

/**
 * Caches the handlers share, each created by the composition root (app.ts) for one app, with
 * its bound and invalidation rule stated where it is made.
 */
export interface AppCaches {
  clientSessionJson: ClientSessionJson
  deviceJson: DeviceJson
}

/** What a handler may use: everything is injected, nothing is global. */
export interface AppContext {
  store: Store
  clock: Clock
  config: AppConfig
  tokenCipher: TokenCipher
  caches: AppCaches
}

/** What the composition root is given; it makes the caches itself. */
export type AppParts = Omit<AppContext, 'caches'>
