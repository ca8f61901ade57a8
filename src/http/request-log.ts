import { hostname } from 'node:os'

import type { CounterSeries, HistogramSeries } from './metric-families.ts'
import type { Metrics } from './metrics.ts'
import type { RequestFacts } from './exchange.ts'

/** Where request lines go: a pino destination, or pino-pretty on a terminal. */
export interface LineSink {
  write(line: string): unknown
}

const text = (value: string | null): string => (value === null ? 'null' : JSON.stringify(value))

/** What the log line and the metrics say about one answered request. */
export interface AnsweredRequest {
  requestId: string
  method: string
  /** The route pattern; null when no route matched. */
  route: string | null
  status: number
  elapsedMs: number
  facts: RequestFacts | null
  clientAddress: string | null
}

/**
 * One log line and one metrics sample per answered request. The line names the route pattern,
 * status, time, error type, workspace, credential kind and client address (which honours
 * --trust-proxy), and never a credential, a header or a body.
 *
 * The line is written here rather than through pino: it has a fixed shape, and building it from
 * a template costs a fraction of pino's child logger plus serialisation (docs/performance.md).
 * It is exactly the JSON pino writes at level info
 * (`level`, `time`, `pid`, `hostname`, then the fields, then `msg`), so pino-pretty and log
 * collectors read it like every other line.
 *
 * The one writer (writer.ts) records every answer through this function.
 */
export const requestRecorder = (metrics: Metrics, sink: LineSink | null): ((answered: AnsweredRequest) => void) => {
  const counters = new Map<string, CounterSeries>()
  const timers = new Map<string, HistogramSeries>()
  const fixed = `,"pid":${process.pid},"hostname":${JSON.stringify(hostname())}`
  return ({ requestId, method, route: pattern, status, elapsedMs, facts, clientAddress }) => {
    const route = pattern ?? 'unmatched'
    const routeKey = `${method} ${route}`
    const countKey = `${routeKey} ${status}`
    let counter = counters.get(countKey)
    if (counter === undefined) counters.set(countKey, (counter = metrics.requests.series(route, method, String(status))))
    counter.inc()
    let timer = timers.get(routeKey)
    if (timer === undefined) timers.set(routeKey, (timer = metrics.requestDuration.series(route, method)))
    timer.observe(elapsedMs / 1000)
    if (sink !== null) {
      sink.write(
        `{"level":30,"time":${Date.now()}${fixed},"request_id":${JSON.stringify(requestId)},"method":${JSON.stringify(method)},` +
          `"route":${text(pattern)},"status":${status},"duration_ms":${Math.round(elapsedMs * 100) / 100},` +
          `"error_type":${text(facts?.error_type ?? null)},"workspace_id":${text(facts?.workspace_id ?? null)},` +
          `"credential":${text(facts?.credential ?? null)},"client_address":${text(clientAddress)},"msg":"request"}\n`,
      )
    }
  }
}
