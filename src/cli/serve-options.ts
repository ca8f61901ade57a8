import { isIP } from 'node:net'
import { availableParallelism } from 'node:os'
import { parseArgs } from 'node:util'

import type { Level } from 'pino'

import type { TrustProxy } from '../app.ts'
import { type AppConfig, DEFAULT_CONFIG } from '../domain/context.ts'
import type { DatabaseLocation } from '../store/open-store.ts'
import type { Seed } from '../seed/schema.ts'
import { readSeedFile } from '../seed/validate.ts'
import { type CliIo, UsageError } from './io.ts'
import { databaseLocation, isDefaultSqlite } from './store-option.ts'

export interface ServeOptions {
  host: string
  port: number
  location: DatabaseLocation
  create: boolean
  config: AppConfig
  trustProxy: TrustProxy
  bootstrapSandbox: boolean
  sandboxKeysFile: string
  logLevel: Level | 'silent'
  drainMs: number
  /** Processes answering on the one port (node:cluster); 1 runs the server in this process. */
  workers: number
  /** `--seed FILE` (LATCHKEY_SEED), read and checked before anything opens (src/seed/). */
  seed: { source: string; seed: Seed } | undefined
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

const parsePort = (value: string): number => {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`invalid port ${value}`)
  return port
}

const parseRateLimit = (value: string | undefined): number | null => {
  if (value === undefined || value === '' || value === '0') return null
  const perMinute = Number(value)
  if (!Number.isInteger(perMinute) || perMinute < 0) throw new UsageError(`invalid rate limit ${value}`)
  return perMinute
}

/** An http(s) origin such as https://locks.example.com, used in the webview URLs handed out. */
const parsePublicUrl = (value: string | undefined): string | null => {
  if (value === undefined || value === '') return null
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new UsageError(`invalid public URL ${value}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`invalid public URL ${value}`)
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

/** A comma-separated list of origins (https://app.example.com); empty or unset allows any origin. */
const parseCorsOrigins = (value: string | undefined): string[] | null => {
  if (value === undefined || value.trim() === '') return null
  return value.split(',').map((entry) => {
    const trimmed = entry.trim()
    let url: URL
    try {
      url = new URL(trimmed)
    } catch {
      throw new UsageError(`invalid CORS origin ${trimmed}`)
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== trimmed.replace(/\/$/, '')) {
      throw new UsageError(`invalid CORS origin ${trimmed}: give scheme, host and port only, e.g. https://app.example.com`)
    }
    return url.origin
  })
}

const parseLifetime = (value: string | undefined): number => {
  if (value === undefined) return DEFAULT_CONFIG.sessionLifetimeMs
  const seconds = Number(value)
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`invalid session lifetime ${value}`)
  return seconds * 1000
}

/** true, false, a hop count, or addresses/CIDRs of the proxies to believe. */
export const parseTrustProxy = (value: string | undefined): TrustProxy => {
  if (value === undefined || value === '' || value === 'false') return false
  if (value === 'true') return true
  if (/^\d+$/.test(value)) return Number(value)
  return value.split(',').map((entry) => {
    const trimmed = entry.trim()
    const [address, bits, extra] = trimmed.split('/')
    const family = isIP(address ?? '')
    const validBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32))
    if (family === 0 || !validBits || extra !== undefined) {
      throw new UsageError(`invalid --trust-proxy entry ${trimmed}: give true, a hop count, or addresses/CIDRs such as 10.0.0.0/8`)
    }
    return trimmed
  })
}

const parseBoolean = (name: string, value: string | undefined): boolean | undefined => {
  if (value === undefined || value === '') return undefined
  if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true
  if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false
  throw new UsageError(`invalid ${name} ${value}: use true or false`)
}

const parseLogLevel = (value: string | undefined): Level | 'silent' => {
  const level = (value ?? 'info').toLowerCase()
  if (!(LOG_LEVELS as readonly string[]).includes(level))
    throw new UsageError(`invalid log level ${value}: use one of ${LOG_LEVELS.join(', ')}`)
  return level as Level | 'silent'
}

/** Seconds given, milliseconds returned; `fallbackMs` when not given. */
const parseSeconds = (name: string, value: string | undefined, fallbackMs: number): number => {
  if (value === undefined || value === '') return fallbackMs
  const seconds = Number(value)
  if (!Number.isFinite(seconds) || seconds < 0) throw new UsageError(`invalid ${name} ${value}`)
  return seconds * 1000
}

/** Seconds a request may take to arrive; 0 would let a stalled body hold its memory forever. */
const parseRequestTimeout = (value: string | undefined): number => {
  const ms = parseSeconds('request timeout', value, DEFAULT_CONFIG.requestTimeoutMs)
  if (ms === 0) throw new UsageError('--request-timeout must be more than 0 seconds')
  return ms
}

/** Comma-separated seconds between webhook attempts, e.g. `0.2,0.5,1`; Svix's schedule when unset. */
const parseRetrySchedule = (value: string | undefined): readonly number[] => {
  if (value === undefined || value.trim() === '') return DEFAULT_CONFIG.webhooks.retryScheduleSeconds
  const seconds = value.split(',').map((part) => Number(part.trim()))
  if (seconds.some((s) => !Number.isFinite(s) || s < 0))
    throw new UsageError(`invalid LATCHKEY_WEBHOOK_RETRY_SCHEDULE ${value}: give seconds, comma-separated`)
  return seconds
}

const parseList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')

const MAX_WORKERS = 256

/** A worker count, or `auto` for one per CPU the process may use. */
const parseWorkers = (value: string | undefined): number => {
  if (value === undefined || value === '') return 1
  if (value === 'auto') return availableParallelism()
  const workers = Number(value)
  if (!Number.isInteger(workers) || workers < 1 || workers > MAX_WORKERS) {
    throw new UsageError(`invalid worker count ${value}: give a whole number from 1 to ${MAX_WORKERS}, or auto`)
  }
  return workers
}

/** Flags win over environment variables, which win over defaults. */
export const parseServeOptions = (args: string[], io: CliIo): ServeOptions => {
  const { values } = parseArgs({
    args,
    options: {
      'database-url': { type: 'string' },
      create: { type: 'boolean' },
      host: { type: 'string' },
      port: { type: 'string' },
      'session-lifetime-seconds': { type: 'string' },
      'rate-limit-per-minute': { type: 'string' },
      'public-url': { type: 'string' },
      'cors-origins': { type: 'string' },
      'trust-proxy': { type: 'string' },
      'bootstrap-sandbox': { type: 'boolean' },
      'no-bootstrap-sandbox': { type: 'boolean' },
      'sandbox-keys-file': { type: 'string' },
      'log-level': { type: 'string' },
      'drain-seconds': { type: 'string' },
      'request-timeout': { type: 'string' },
      workers: { type: 'string' },
      seed: { type: 'string' },
    },
  })
  const env = io.env
  const location = databaseLocation(io, values['database-url'])
  if (values['bootstrap-sandbox'] === true && values['no-bootstrap-sandbox'] === true) {
    throw new UsageError('give --bootstrap-sandbox or --no-bootstrap-sandbox, not both')
  }
  const bootstrapFlag = values['bootstrap-sandbox'] === true ? true : values['no-bootstrap-sandbox'] === true ? false : undefined
  // The default file and a private in-memory database start with a sandbox workspace: for the
  // latter it is the only way in, since no other process can reach it to make one.
  const isMemory = location.kind === 'sqlite' && location.path === ':memory:'
  const bootstrapSandbox =
    bootstrapFlag ?? parseBoolean('LATCHKEY_BOOTSTRAP_SANDBOX', env.LATCHKEY_BOOTSTRAP_SANDBOX) ?? (isDefaultSqlite(location) || isMemory)
  const defaultKeysFile =
    location.kind === 'sqlite' && location.path !== ':memory:' ? `${location.path}.sandbox-keys.json` : './latchkey-sandbox-keys.json'
  return {
    host: values.host ?? env.HOST ?? '127.0.0.1',
    port: parsePort(values.port ?? env.PORT ?? '3000'),
    location,
    create: values.create === true,
    config: {
      ...DEFAULT_CONFIG,
      sessionLifetimeMs: parseLifetime(values['session-lifetime-seconds'] ?? env.LATCHKEY_SESSION_LIFETIME_SECONDS),
      rateLimitPerMinute: parseRateLimit(values['rate-limit-per-minute'] ?? env.LATCHKEY_RATE_LIMIT_PER_MINUTE),
      publicUrl: parsePublicUrl(values['public-url'] ?? env.LATCHKEY_PUBLIC_URL),
      corsOrigins: parseCorsOrigins(values['cors-origins'] ?? env.LATCHKEY_CORS_ORIGINS),
      requestTimeoutMs: parseRequestTimeout(values['request-timeout'] ?? env.LATCHKEY_REQUEST_TIMEOUT),
      webhooks: {
        ...DEFAULT_CONFIG.webhooks,
        retryScheduleSeconds: parseRetrySchedule(env.LATCHKEY_WEBHOOK_RETRY_SCHEDULE),
        allowHosts: parseList(env.LATCHKEY_WEBHOOK_ALLOW_HOSTS),
      },
    },
    trustProxy: parseTrustProxy(values['trust-proxy'] ?? env.LATCHKEY_TRUST_PROXY),
    bootstrapSandbox,
    sandboxKeysFile: values['sandbox-keys-file'] ?? env.LATCHKEY_SANDBOX_KEYS_FILE ?? defaultKeysFile,
    logLevel: parseLogLevel(values['log-level'] ?? env.LATCHKEY_LOG_LEVEL),
    drainMs: parseSeconds('drain seconds', values['drain-seconds'] ?? env.LATCHKEY_DRAIN_SECONDS, 0),
    workers: workersFor(location, parseWorkers(values.workers ?? env.LATCHKEY_WORKERS)),
    seed: seedFrom(values.seed ?? env.LATCHKEY_SEED),
  }
}

/** A bad seed stops the server before it opens anything, with one message naming the field. */
const seedFrom = (path: string | undefined): ServeOptions['seed'] =>
  path === undefined || path === '' ? undefined : { source: path, seed: readSeedFile(path) }

/** Every worker opens the database itself: a private in-memory one would be a different database in each. */
const workersFor = (location: DatabaseLocation, workers: number): number => {
  if (workers > 1 && location.kind === 'sqlite' && location.path === ':memory:') {
    throw new UsageError('--workers needs a database the workers can share: a SQLite file or PostgreSQL, not sqlite::memory:')
  }
  return workers
}
