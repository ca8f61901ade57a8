/**
 * Latchkey as a library, for test suites: start a server on a throwaway database, call it with
 * the official SDK, stop it.
 *
 *   import { startLatchkey } from 'latchkey'
 *   const latchkey = await startLatchkey()
 *   const seam = new SeamHttp({ apiKey: latchkey.workspace.api_key, endpoint: latchkey.url })
 *   await latchkey.stop()
 *
 * With `seed` (a seed file's path, or the seed itself: docs/ci.md) the server starts with the
 * seed's workspaces, keys and data instead of a throwaway workspace.
 */
import { DEFAULT_CONFIG } from './domain/context.ts'
import { parseDatabaseUrl } from './store/open-store.ts'
import { startServer } from './cli/server.ts'
import type { CliIo } from './cli/io.ts'
import type { SeedReport } from './seed/report.ts'
import type { SeedInput } from './seed/schema.ts'
import { parseSeed, readSeedFile } from './seed/validate.ts'
import { optional, whenDefined } from './store/optional.ts'

export type { SeedInput, SeedReport }
export { SeedError } from './seed/validate.ts'

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
  /**
   * A seed file's path, or a seed as an object (docs/ci.md): applied before the server listens,
   * and in place of the throwaway workspace. A bad seed rejects with a SeedError naming the field.
   */
  seed?: string | SeedInput
}

export interface StartedLatchkey {
  /** Where the server listens, e.g. http://127.0.0.1:41237 — pass it to the SDK as `endpoint`. */
  url: string
  /** A sandbox workspace created for this run, with its keys. */
  workspace: { workspace_id: string; name: string; api_key: string; publishable_key: string }
  /** Finishes in-flight requests, closes the port and the database. */
  stop(): Promise<void>
}

/** A server started with a seed: the seed's workspaces and keys are the way in. */
export interface SeededLatchkey extends Omit<StartedLatchkey, 'workspace'> {
  /** What the seed added, and what the database already held otherwise (`warnings`). */
  seeded: SeedReport
}

export function startLatchkey(options?: StartLatchkeyOptions & { seed?: undefined }): Promise<StartedLatchkey>
export function startLatchkey(options: StartLatchkeyOptions & { seed: string | SeedInput }): Promise<SeededLatchkey>
/** Options whose `seed` is known only at run time: tell the answers apart by `'seeded' in answer`. */
export function startLatchkey(options?: StartLatchkeyOptions): Promise<StartedLatchkey | SeededLatchkey>
export async function startLatchkey(options: StartLatchkeyOptions = {}): Promise<StartedLatchkey | SeededLatchkey> {
  // Checked before anything opens, as `latchkey serve --seed` does.
  const seed =
    options.seed === undefined
      ? undefined
      : {
          source: typeof options.seed === 'string' ? options.seed : 'given to startLatchkey()',
          seed: typeof options.seed === 'string' ? readSeedFile(options.seed) : parseSeed(options.seed),
        }
  const databaseUrl = options.databaseUrl ?? 'sqlite::memory:'
  const location = parseDatabaseUrl(databaseUrl)
  const io: CliIo = {
    out: () => {},
    err: () => {},
    env: optional({ LATCHKEY_SECRET: options.secret }),
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
        ...optional({ sessionLifetimeMs: whenDefined(options.sessionLifetimeSeconds, (seconds) => seconds * 1000) }),
        rateLimitPerMinute: options.rateLimitPerMinute ?? null,
        corsOrigins: options.corsOrigins ?? null,
      },
      trustProxy: false,
      bootstrapSandbox: false,
      sandboxKeysFile: '',
      logLevel: 'silent',
      drainMs: 0,
      workers: 1,
      seed,
    },
    io,
  )
  if (server.seeded !== undefined) return { url: server.url, seeded: server.seeded, stop: () => server.stop() }
  try {
    const { workspace_id, name, api_key, publishable_key } = await server.createSandboxWorkspace('Latchkey test workspace')
    return { url: server.url, workspace: { workspace_id, name, api_key, publishable_key }, stop: () => server.stop() }
  } catch (error) {
    await server.stop()
    throw error
  }
}
