import type { CliIo } from './io.ts'
import { openLogStream } from './log-stream.ts'
import { parseServeOptions } from './serve-options.ts'
import { startServer } from './server.ts'

/**
 * `latchkey serve`: runs until SIGTERM or SIGINT. SIGTERM (a supervisor) waits --drain-seconds
 * with readiness at 503 before closing; SIGINT (Ctrl-C) closes at once. Either way in-flight
 * requests finish before the process exits.
 */
export const serveCommand = async (args: string[], io: CliIo): Promise<number> => {
  const options = parseServeOptions(args, io)
  // Signal handlers go in before the port opens, so a signal during startup is not fatal.
  let requested: NodeJS.Signals | undefined
  let wake = () => {}
  const onSignal = (signal: NodeJS.Signals) => {
    requested = signal
    wake()
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  const logs = openLogStream()
  const server = await startServer(options, io, logs)
  io.err(`Latchkey listening on ${server.url} (store: ${options.location.kind})`)
  if (requested === undefined) await new Promise<void>((resolve) => (wake = resolve))
  const drainMs = requested === 'SIGTERM' ? options.drainMs : 0
  io.err(`${requested ?? 'signal'}: ${drainMs > 0 ? `draining for ${drainMs / 1000} s, then ` : ''}finishing in-flight requests, then stopping.`)
  await server.stop(drainMs)
  return 0
}
