import pino, { type DestinationStream } from 'pino'
import pinoPretty from 'pino-pretty'

export interface LogStream {
  stream: DestinationStream
  /** Writes out whatever is still buffered; called once, when the server stops. */
  flush(): void
}

/**
 * JSON lines on stdout for collectors, human-readable lines on a terminal. JSON is written
 * asynchronously: a line never waits for the disk or the pipe, and lines that arrive while a write
 * is under way go out together in the next one.
 */
export const openLogStream = (): LogStream => {
  if (process.stdout.isTTY === true) {
    const pretty = pinoPretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname', sync: true })
    return { stream: pretty, flush: () => {} }
  }
  const destination = pino.destination({ dest: 1, sync: false })
  return { stream: destination, flush: () => destination.flushSync() }
}
