import cluster from 'node:cluster'

import { superviseWorkers, WORKER_MARK } from './cluster-primary.ts'
import { announceListening, joinPrimary, onStopRequest } from './cluster-worker.ts'
import type { CliIo } from './io.ts'
import { openLogStream } from './log-stream.ts'
import { parseServeOptions } from './serve-options.ts'
import { startServer } from './server.ts'

/**
 * `latchkey serve`: runs until SIGTERM or SIGINT. SIGTERM (a supervisor) waits --drain-seconds
 * with readiness at 503 before closing; SIGINT (Ctrl-C) closes at once. Either way in-flight
 * requests finish before the process exits. With --workers N this process supervises N workers
 * (cluster-primary.ts), each of which runs the code below.
 */
export const serveCommand = async (args: string[], io: CliIo): Promise<number> => {
  const options = parseServeOptions(args, io)
  const isWorker = cluster.isWorker && io.env[WORKER_MARK] === '1'
  if (options.workers > 1 && !isWorker) return superviseWorkers(options, io)
  // Signal handlers go in before the port opens, so a signal during startup is not fatal.
  let drainMs: number | undefined
  let reason = 'signal'
  let wake = () => {}
  const stopWith = (drain: number, why: string) => {
    if (drainMs === undefined) [drainMs, reason] = [drain, why]
    wake()
  }
  process.once('SIGTERM', () => stopWith(options.drainMs, 'SIGTERM'))
  if (isWorker) {
    // Ctrl-C reaches every process of the group; the primary decides, and says so over IPC.
    process.on('SIGINT', () => {})
    onStopRequest((drain) => stopWith(drain, 'asked by the primary'))
  } else {
    process.once('SIGINT', () => stopWith(0, 'SIGINT'))
  }
  const logs = openLogStream()
  const server = await startServer(
    // The primary prepared the database: bootstrap and seed run once, there.
    isWorker ? { ...options, bootstrapSandbox: false, seed: undefined } : options,
    io,
    logs,
    isWorker ? joinPrimary : undefined,
  )
  if (isWorker) announceListening(server.url)
  else io.err(`Latchkey listening on ${server.url} (store: ${options.location.kind})`)
  if (drainMs === undefined) await new Promise<void>((resolve) => (wake = resolve))
  const drain = drainMs ?? 0
  if (!isWorker)
    io.err(`${reason}: ${drain > 0 ? `draining for ${drain / 1000} s, then ` : ''}finishing in-flight requests, then stopping.`)
  await server.stop(drain)
  // A worker's open IPC channel would keep it alive; closing it lets the process end.
  if (isWorker) process.disconnect?.()
  return 0
}
