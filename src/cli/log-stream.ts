import { createRequire } from 'node:module'

import pino, { type DestinationStream } from 'pino'
import type PinoPretty from 'pino-pretty'

// Required only on a terminal: a server whose output is collected never loads pino-pretty's 30 modules.
const loadPinoPretty = () => createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty

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
 * (docs/performance.md has the measurement). A full pipe makes the write wait and retry, as it does for any
 * pino application on its default destination.
 */
export const openLogStream = (
  terminal: { out: NodeJS.WritableStream } | null = process.stdout.isTTY === true ? { out: process.stdout } : null,
): LogStream => {
  if (terminal !== null) {
    const pretty = loadPinoPretty()({
      colorize: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname',
      sync: true,
      destination: terminal.out,
    })
    return {
      stream: {
        // One short line per request, so a busy terminal keeps what the server printed at start
        // (the sandbox keys) in view; every other line as pino-pretty shows it.
        write(line: string) {
          const compact = compactRequestLine(line)
          if (compact === null) return pretty.write(line)
          return terminal.out.write(compact)
        },
      },
      flush: () => {},
    }
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

interface RequestLine {
  msg?: unknown
  time?: number
  method?: string
  route?: string | null
  status?: number
  duration_ms?: number
  error_type?: string | null
  credential?: string | null
}

const clock = (ms: number) => new Date(ms).toTimeString().slice(0, 8)

/**
 * `12:04:31 POST /client_sessions/create 200 3.1 ms api_key` (and the error type after a failing
 * status) for a request line; null for any other line.
 */
export const compactRequestLine = (line: string): string | null => {
  if (!line.includes('"msg":"request"')) return null
  let fields: RequestLine
  try {
    fields = JSON.parse(line) as RequestLine
  } catch {
    return null
  }
  if (fields.msg !== 'request') return null
  const parts = [
    clock(fields.time ?? Date.now()),
    fields.method,
    fields.route ?? '(no route)',
    String(fields.status),
    `${fields.duration_ms} ms`,
  ]
  if (fields.credential !== null && fields.credential !== undefined) parts.push(fields.credential)
  if (fields.error_type !== null && fields.error_type !== undefined) parts.push(fields.error_type)
  return `${parts.join(' ')}\n`
}
