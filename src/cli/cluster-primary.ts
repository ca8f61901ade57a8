import cluster, { type Worker } from 'node:cluster'

import { AggregatorRegistry } from 'prom-client'

import { asToPrimary, type ToWorker } from './cluster-messages.ts'
import type { CliIo } from './io.ts'
import { bootstrapSandbox } from './sandbox-bootstrap.ts'
import { seedStore } from './seed.ts'
import type { ServeOptions } from './serve-options.ts'
import { openCheckedStore } from './store-option.ts'

/** Marks the processes this primary forks, so only they run as workers. */
export const WORKER_MARK = 'LATCHKEY_CLUSTER_WORKER'

/** More unexpected worker exits than this within the window: something is wrong; stop. */
const RESTARTS_ALLOWED = 5
const RESTART_WINDOW_MS = 60_000
/** After asking the workers to stop: their drain, their 30 s for in-flight requests, and a margin. */
const STOP_MARGIN_MS = 35_000

const describeExit = (code: number | null, signal: string | null) => (signal === null ? `exit code ${code ?? 0}` : `signal ${signal}`)

/**
 * `serve --workers N`: the primary prepares the database once (migrations, key check, sandbox),
 * then forks N workers that each run the whole server on the one port (node:cluster hands them
 * the connections). It replaces a worker that dies, stops them all on SIGTERM (with the drain) or
 * SIGINT, and answers their /metrics with the sum over every worker. Resolves with the exit code.
 */
export const superviseWorkers = async (options: ServeOptions, io: CliIo): Promise<number> => {
  const { store, cipher } = await openCheckedStore(io.env, options.location, options.create)
  try {
    if (options.seed !== undefined) await seedStore(store, cipher, options, io)
    if (options.bootstrapSandbox) await bootstrapSandbox(store, io, options.sandboxKeysFile)
  } finally {
    await store.close()
  }

  const aggregator = new AggregatorRegistry()
  const live = new Set<Worker>()
  const listening = new Set<Worker>()
  const restarts: number[] = []
  let announced = false
  let exitCode: number | undefined

  return new Promise<number>((resolve) => {
    const fork = () => live.add(cluster.fork({ [WORKER_MARK]: '1' }))

    const stopAll = (drainMs: number, code: number) => {
      if (exitCode !== undefined) return
      exitCode = code
      if (live.size === 0) return resolve(code)
      for (const worker of live) {
        const stop: ToWorker = { latchkey: 'stop', drainMs }
        if (worker.isConnected()) worker.send(stop)
        else worker.process.kill('SIGTERM')
      }
      setTimeout(() => {
        for (const worker of live) worker.process.kill('SIGKILL')
      }, drainMs + STOP_MARGIN_MS).unref()
    }

    cluster.on('message', (worker, raw: unknown) => {
      const message = asToPrimary(raw)
      if (message?.latchkey === 'listening') {
        listening.add(worker)
        if (!announced && listening.size === options.workers) {
          announced = true
          io.err(`Latchkey listening on ${message.url} (store: ${options.location.kind}, workers: ${options.workers})`)
        }
      } else if (message?.latchkey === 'metrics-request') {
        const reply = (answer: ToWorker) => worker.isConnected() && worker.send(answer)
        aggregator.clusterMetrics().then(
          (text) => reply({ latchkey: 'metrics', id: message.id, text, contentType: aggregator.contentType }),
          (error: Error) => reply({ latchkey: 'metrics-failed', id: message.id, message: error.message }),
        )
      }
    })

    cluster.on('exit', (worker, code, signal) => {
      live.delete(worker)
      listening.delete(worker)
      if (exitCode !== undefined) {
        if (live.size === 0) resolve(exitCode)
        return
      }
      if (!announced) {
        io.err(`A worker stopped while starting (${describeExit(code, signal)}); stopping the others.`)
        return stopAll(0, 1)
      }
      const now = Date.now()
      restarts.push(now)
      while ((restarts[0] ?? now) < now - RESTART_WINDOW_MS) restarts.shift()
      if (restarts.length > RESTARTS_ALLOWED) {
        io.err(`Workers keep stopping (${restarts.length} in a minute, the last with ${describeExit(code, signal)}); stopping.`)
        return stopAll(0, 1)
      }
      io.err(`Worker ${worker.process.pid ?? '?'} stopped (${describeExit(code, signal)}); starting another.`)
      fork()
    })

    process.once('SIGTERM', () => {
      io.err(`SIGTERM: ${options.drainMs > 0 ? `draining for ${options.drainMs / 1000} s, then ` : ''}stopping ${live.size} workers.`)
      stopAll(options.drainMs, 0)
    })
    process.once('SIGINT', () => {
      io.err(`SIGINT: stopping ${live.size} workers.`)
      stopAll(0, 0)
    })
    for (let i = 0; i < options.workers; i++) fork()
  })
}
