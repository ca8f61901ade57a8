import { hostname } from 'node:os'

import type { FastifyInstance } from 'fastify'

import type { CounterSeries, HistogramSeries } from './metric-families.ts'
import type { Metrics } from './metrics.ts'

/** Where request lines go: a pino destination, or pino-pretty on a terminal. */
export interface LineSink {
  write(line: string): unknown
}

const text = (value: string | null): string => (value === null ? 'null' : JSON.stringify(value))

/**
 * One log line and one metrics sample per answered request. The line names the route pattern,
 * status, time, error type, workspace, credential kind and client address (request.ip, which
 * honours --trust-proxy), and never a credential, a header or a body.
 *
 * The line is written here rather than through pino: it has a fixed shape, and building it from
 * a template costs about a tenth of pino's child logger plus serialisation (together ~25 µs per
 * request in the profile, docs/performance.md). It is exactly the JSON pino writes at level info
 * (`level`, `time`, `pid`, `hostname`, then the fields, then `msg`), so pino-pretty and log
 * collectors read it like every other line.
 */
export const installRequestLog = (app: FastifyInstance, metrics: Metrics, sink: LineSink | null): void => {
  const counters = new Map<string, CounterSeries>()
  const timers = new Map<string, HistogramSeries>()
  const fixed = `,"pid":${process.pid},"hostname":${JSON.stringify(hostname())}`
  app.addHook('onResponse', (request, reply, done) => {
    const pattern = request.routeOptions.url
    const route = pattern ?? 'unmatched'
    const { method } = request
    const status = reply.statusCode
    const routeKey = `${method} ${route}`
    const countKey = `${routeKey} ${status}`
    let counter = counters.get(countKey)
    if (counter === undefined) counters.set(countKey, (counter = metrics.requests.series(route, method, String(status))))
    counter.inc()
    let timer = timers.get(routeKey)
    if (timer === undefined) timers.set(routeKey, (timer = metrics.requestDuration.series(route, method)))
    const elapsedMs = reply.elapsedTime
    timer.observe(elapsedMs / 1000)
    if (sink !== null) {
      const facts = request.facts
      sink.write(
        `{"level":30,"time":${Date.now()}${fixed},"request_id":${JSON.stringify(request.id)},"method":${JSON.stringify(method)},` +
          `"route":${text(pattern ?? null)},"status":${status},"duration_ms":${Math.round(elapsedMs * 100) / 100},` +
          `"error_type":${text(facts?.error_type ?? null)},"workspace_id":${text(facts?.workspace_id ?? null)},` +
          `"credential":${text(facts?.credential ?? null)},"client_address":${text(request.ip ?? null)},"msg":"request"}\n`,
      )
    }
    done()
  })
}
