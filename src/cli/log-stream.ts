import pino, { type DestinationStream } from 'pino'
import pinoPretty from 'pino-pretty'

export interface LogStream {
  stream: DestinationStream
  /** Writes out whatever is still buffered; called once, when the server stops. */
  flush(): void
}

/** Lines wait for at most this long, or until this many bytes are waiting, before they are written. */
const FLUSH_EVERY_MS = 100
const BATCH_BYTES = 4096

/**
 * JSON lines on stdout for collectors, human-readable lines on a terminal. JSON lines are
 * batched: they go out together once 4 KiB are waiting or 100 ms have passed, whichever comes
 * first, and lines still waiting are written when the server stops. A batch is one synchronous
 * `write` (pino's default for its destinations): under load that is one write for every dozen
 * requests, and none of the thread-pool job and wake-ups the asynchronous form cost per write
 * (about 25 µs of CPU per 4 KiB write against 3–9 µs synchronous; `strace -c` over 25 000 CST
 * reads: 2 900 fewer futex calls). A full pipe makes the write wait and retry, as it does for any
 * pino application on its default destination.
 */
export const openLogStream = (): LogStream => {
  if (process.stdout.isTTY === true) {
    const pretty = pinoPretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname', sync: true })
    return { stream: pretty, flush: () => {} }
  }
  const destination = pino.destination({ dest: 1, sync: true, minLength: BATCH_BYTES })
  let waiting = false
  const timer = setInterval(() => {
    if (!waiting) return
    waiting = false
    try {
      destination.flush()
    } catch {
      // stdout is gone (the destination was destroyed): nothing left to write to.
    }
  }, FLUSH_EVERY_MS).unref()
  return {
    stream: {
      write(line: string) {
        waiting = true
        return destination.write(line)
      },
    },
    flush: () => {
      clearInterval(timer)
      destination.flushSync()
    },
  }
}
