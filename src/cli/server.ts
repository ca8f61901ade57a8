import { createApp } from '../app.ts'
import { systemClock } from '../clock.ts'
import { type ProvisionedWorkspace, provisionWorkspace } from '../domain/provisioning.ts'
import { Lifecycle } from '../http/lifecycle.ts'
import type { JoinCluster } from '../app.ts'
import type { CliIo } from './io.ts'
import type { LogStream } from './log-stream.ts'
import { bootstrapSandbox } from './sandbox-bootstrap.ts'
import { seedStore } from './seed.ts'
import type { SeedReport } from '../seed/report.ts'
import type { ServeOptions } from './serve-options.ts'
import { openCheckedStore } from './store-option.ts'
import { optional } from '../store/optional.ts'

/** How long in-flight requests may take to finish once the server is closing. */
const CLOSE_TIMEOUT_MS = 30_000

export interface RunningServer {
  url: string
  /** The workspace created on first start, when the options asked for one and the store was empty. */
  sandbox: ProvisionedWorkspace | undefined
  /** What `options.seed` added and left as it was; undefined without a seed. */
  seeded: SeedReport | undefined
  /**
   * Readiness turns 503 at once; after `drainMs`, new requests get 503 service_unavailable while
   * in-flight ones finish; then the port and the database are released.
   */
  stop(drainMs?: number): Promise<void>
  /** A new sandbox workspace in this server's store (the only way into a `sqlite::memory:` one). */
  createSandboxWorkspace(name: string): Promise<ProvisionedWorkspace>
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Waits for the promise, or gives up after `ms`; the timer never holds the process open. */
const atMost = (promise: Promise<void>, ms: number) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms)
    timer.unref()
    void promise.then(() => {
      clearTimeout(timer)
      resolve()
    })
  })

/** Opens and checks the store, bootstraps if asked, and listens. Nothing is left open on failure. */
export const startServer = async (
  options: ServeOptions,
  io: CliIo,
  logs?: LogStream,
  joinCluster?: JoinCluster,
): Promise<RunningServer> => {
  const { store, keys, cipher, createdDatabase } = await openCheckedStore(io.env, options.location, options.create)
  if (createdDatabase !== null) io.err(`Created database "${createdDatabase}".`)
  try {
    // Before the sandbox bootstrap, which then finds the seeded workspaces and makes none.
    const seeded = options.seed === undefined ? undefined : await seedStore(store, cipher, options, io)
    const sandbox = options.bootstrapSandbox ? await bootstrapSandbox(store, io, options.sandboxKeysFile) : undefined
    const lifecycle = new Lifecycle()
    const app = createApp({
      store,
      clock: systemClock,
      config: options.config,
      tokenCipher: cipher,
      keys,
      lifecycle,
      trustProxy: options.trustProxy,
      logLevel: options.logLevel,
      ...optional({ joinCluster }),
      ...optional({ logStream: logs?.stream }),
    })
    const url = await app.listen({ host: options.host, port: options.port })
    let stopping: Promise<void> | undefined
    return {
      url,
      sandbox,
      seeded,
      createSandboxWorkspace: (name) => provisionWorkspace(store, systemClock, { name, isSandbox: true }),
      stop(drainMs = 0) {
        stopping ??= (async () => {
          lifecycle.startDraining()
          if (drainMs > 0) await sleep(drainMs)
          lifecycle.startClosing()
          await atMost(lifecycle.whenIdle(), CLOSE_TIMEOUT_MS)
          await app.close()
          await store.close()
          logs?.flush()
        })()
        return stopping
      },
    }
  } catch (error) {
    await store.close()
    throw error
  }
}
