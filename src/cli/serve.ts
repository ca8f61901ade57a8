import { parseArgs } from 'node:util'

import pino from 'pino'

import { createTokenCipher } from '../auth/token-cipher.ts'
import { resolveTokenKey } from '../auth/server-secret.ts'
import { systemClock } from '../clock.ts'
import { provisionWorkspace } from '../domain/provisioning.ts'
import { createApp } from '../app.ts'
import { DEFAULT_CONFIG } from '../domain/context.ts'
import { openStore } from '../store/open-store.ts'
import type { Store } from '../store/store.ts'
import { type CliIo, UsageError } from './io.ts'
import { databaseLocation, databaseOption } from './store-option.ts'

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

/** First start on an empty store: a sandbox workspace, so a new user can call the API at once. */
const bootstrapSandbox = async (store: Store, io: CliIo): Promise<void> => {
  if ((await store.listWorkspaces()).length > 0) return
  const sandbox = await provisionWorkspace(store, systemClock, { name: 'Sandbox', isSandbox: true })
  // Printed once, to stderr and not through the logger: log lines never carry credentials.
  io.err(
    [
      'Created a sandbox workspace. These keys are shown once; store them now.',
      `  workspace_id     ${sandbox.workspace_id}`,
      `  api_key          ${sandbox.api_key}`,
      `  publishable_key  ${sandbox.publishable_key}`,
    ].join('\n'),
  )
}

export interface RunningServer {
  url: string
  stop(): Promise<void>
}

export const startServer = async (args: string[], io: CliIo): Promise<RunningServer> => {
  const { values } = parseArgs({
    args,
    options: {
      ...databaseOption,
      host: { type: 'string' },
      port: { type: 'string' },
      'session-lifetime-seconds': { type: 'string' },
      'rate-limit-per-minute': { type: 'string' },
      'public-url': { type: 'string' },
      'cors-origins': { type: 'string' },
    },
  })
  const host = values.host ?? io.env.HOST ?? '127.0.0.1'
  const port = parsePort(values.port ?? io.env.PORT ?? '3000')
  const sessionLifetimeMs = parseLifetime(values['session-lifetime-seconds'] ?? io.env.LATCHKEY_SESSION_LIFETIME_SECONDS)
  const rateLimitPerMinute = parseRateLimit(values['rate-limit-per-minute'] ?? io.env.LATCHKEY_RATE_LIMIT_PER_MINUTE)
  const publicUrl = parsePublicUrl(values['public-url'] ?? io.env.LATCHKEY_PUBLIC_URL)
  const corsOrigins = parseCorsOrigins(values['cors-origins'] ?? io.env.LATCHKEY_CORS_ORIGINS)
  const location = databaseLocation(io, values['database-url'])
  const tokenKey = resolveTokenKey(location, io.env.LATCHKEY_SECRET)

  // Request logs are written asynchronously: a line never waits for the terminal or the disk,
  // and lines that arrive while a write is under way go out together in the next one. Stopping
  // flushes what is left.
  const logDestination = pino.destination({ dest: 1, sync: false })
  const store = openStore(location)
  await store.migrate()
  await bootstrapSandbox(store, io)
  const app = createApp({
    store,
    clock: systemClock,
    config: { ...DEFAULT_CONFIG, sessionLifetimeMs, rateLimitPerMinute, publicUrl, corsOrigins },
    tokenCipher: createTokenCipher(tokenKey),
    logStream: logDestination,
  })
  const address = await app.listen({ host, port })
  io.err(`Latchkey listening on ${address} (store: ${location.kind})`)
  return {
    url: address,
    async stop() {
      // Stops accepting, lets in-flight requests finish, then releases the database.
      await app.close()
      await store.close()
      logDestination.flushSync()
    },
  }
}

export const serveCommand = async (args: string[], io: CliIo): Promise<number> => {
  // Signal handlers go in before the port opens, so a signal during startup is not fatal.
  let requested: string | undefined
  let wake = () => {}
  const onSignal = (signal: string) => {
    requested = signal
    wake()
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  const server = await startServer(args, io)
  if (requested === undefined) await new Promise<void>((resolve) => (wake = resolve))
  io.err(`${requested ?? 'signal'}: finishing in-flight requests, then stopping.`)
  await server.stop()
  return 0
}
