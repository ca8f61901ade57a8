/**
 * Latchkey as a library, for test suites: start a server on a throwaway database, call it with
 * the official SDK, stop it.
 *
 *   import { startLatchkey } from 'latchkey'
 *   const latchkey = await startLatchkey()
 *   const seam = new SeamHttp({ apiKey: latchkey.workspace.api_key, endpoint: latchkey.url })
 *   await latchkey.stop()
 */
import { DEFAULT_CONFIG } from './domain/context.ts'
import { parseDatabaseUrl } from './store/open-store.ts'
import { startServer } from './cli/server.ts'
import type { CliIo } from './cli/io.ts'

export interface StartLatchkeyOptions {
  /** Default `sqlite::memory:` (gone when stopped). A SQLite path or postgres:// URL keeps data. */
  databaseUrl?: string
  /** Default 127.0.0.1 and a free port. */
  host?: string
  port?: number
  /** The token encryption key (32+ characters). Required for PostgreSQL; SQLite files get a key file. */
  secret?: string
  /** Default client session lifetime. */
  sessionLifetimeSeconds?: number
  /** Origins allowed to read answers from a browser; default any. */
  corsOrigins?: string[]
  /** API requests per minute per client address; default no limit. */
  rateLimitPerMinute?: number
}

export interface StartedLatchkey {
  /** Where the server listens, e.g. http://127.0.0.1:41237 — pass it to the SDK as `endpoint`. */
  url: string
  /** A sandbox workspace created for this run, with its keys. */
  workspace: { workspace_id: string; name: string; api_key: string; publishable_key: string }
  /** Finishes in-flight requests, closes the port and the database. */
  stop(): Promise<void>
}

export const startLatchkey = async (options: StartLatchkeyOptions = {}): Promise<StartedLatchkey> => {
  const databaseUrl = options.databaseUrl ?? 'sqlite::memory:'
  const location = parseDatabaseUrl(databaseUrl)
  const io: CliIo = {
    out: () => {},
    err: () => {},
    env: options.secret === undefined ? {} : { LATCHKEY_SECRET: options.secret },
    interactive: false,
  }
  const server = await startServer(
    {
      host: options.host ?? '127.0.0.1',
      port: options.port ?? 0,
      location,
      create: true,
      config: {
        ...DEFAULT_CONFIG,
        ...(options.sessionLifetimeSeconds === undefined ? {} : { sessionLifetimeMs: options.sessionLifetimeSeconds * 1000 }),
        rateLimitPerMinute: options.rateLimitPerMinute ?? null,
        corsOrigins: options.corsOrigins ?? null,
      },
      trustProxy: false,
      bootstrapSandbox: false,
      sandboxKeysFile: '',
      logLevel: 'silent',
      drainMs: 0,
      workers: 1,
    },
    io,
  )
  try {
    const { workspace_id, name, api_key, publishable_key } = await server.createSandboxWorkspace('Latchkey test workspace')
    return { url: server.url, workspace: { workspace_id, name, api_key, publishable_key }, stop: () => server.stop() }
  } catch (error) {
    await server.stop()
    throw error
  }
}
