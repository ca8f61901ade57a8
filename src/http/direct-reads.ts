import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { performance } from 'node:perf_hooks'

import querystring from 'fast-querystring'

import type { AppContext } from '../domain/context.ts'
import { answerRoute } from './answer-route.ts'
import { type ErrorLog, errorAnswer, errorBody } from './error-envelope.ts'
import type { Lifecycle } from './lifecycle.ts'
import type { RequestFacts } from './request-facts.ts'
import type { AnsweredRequest } from './request-log.ts'
import type { AnyRoute } from './route.ts'

export type RequestListener = (request: IncomingMessage, response: ServerResponse) => void

export interface DirectReadsOptions {
  routes: readonly AnyRoute[]
  context: AppContext
  lifecycle: Lifecycle
  record: (answered: AnsweredRequest) => void
  corsHeaders: (origin: string | undefined) => string[]
  log: ErrorLog
}

const JSON_TYPE = 'application/json; charset=utf-8'

/** A GET that carries no body: no length, or length 0, and no chunked encoding. */
const hasNoBody = (request: IncomingMessage): boolean => {
  const length = request.headers['content-length']
  return (length === undefined || length === '0') && request.headers['transfer-encoding'] === undefined
}

/**
 * Answers the API's body-less GETs at the node:http level, before Fastify, and hands every other
 * request to Fastify (`fallback`) untouched.
 *
 * Why: a GET is the front end's hot path (a client session token reading its session, devices,
 * accounts), and for it Fastify's general machinery (router, hook chain, reply object, the CORS
 * plugin's per-request option merge) cost more than the route's own work: with it bypassed, the
 * CST `client_sessions/get` went from 149 to 100 µs of CPU per request (bench/cpu.ts, pinned).
 * See docs/performance.md.
 *
 * What a client sees is the same either way, and a test holds both to it header by header: the
 * route runs through the same `answerRoute` (authentication, validation, handler), errors through
 * the same `errorAnswer` envelope, the CORS headers are the plugin's for a simple request, the
 * request id, log line and metrics come from the same recorder. Only requests whose whole
 * treatment that covers are taken: method GET, a path that is exactly a route's (anything
 * Fastify would normalise or refuse goes to Fastify), no body, no `#`, and the server not
 * closing. The caller installs it only when no rate limit and no trusted proxy are configured
 * (both are Fastify's: the limiter's hook, and the forwarded-header rules behind request.ip).
 */
export const directReads = (options: DirectReadsOptions, fallback: RequestListener): RequestListener => {
  const { context, lifecycle, record, corsHeaders, log } = options
  const byPath = new Map(options.routes.filter((route) => route.methods.includes('GET')).map((route) => [route.path, route]))

  const answer = async (request: IncomingMessage, response: ServerResponse, route: AnyRoute, query: string, started: number) => {
    const requestId = randomUUID()
    const facts: RequestFacts = { workspace_id: null, credential: null, error_type: null }
    let status = 200
    let json: string
    const headers = ['seam-request-id', requestId, ...corsHeaders(request.headers.origin), 'content-type', JSON_TYPE]
    try {
      json = await answerRoute(
        route,
        {
          method: 'GET',
          headers: request.headers,
          source: query.length === 0 ? {} : querystring.parse(query),
          origin: () => context.config.publicUrl ?? `http://${request.headers.host}`,
          facts,
        },
        context,
      )
    } catch (error) {
      const failed = errorAnswer(error, requestId, log)
      status = failed.error.status
      facts.error_type = failed.error.type
      json = errorBody(failed.error, requestId)
      if (failed.retryLater) headers.push('retry-after', '1')
    }
    headers.push('content-length', String(Buffer.byteLength(json)))
    response.writeHead(status, headers)
    response.end(json)
    record({
      requestId,
      method: 'GET',
      route: route.path,
      status,
      elapsedMs: performance.now() - started,
      facts,
      clientAddress: request.socket.remoteAddress ?? null,
    })
  }

  return (request, response) => {
    const url = request.url ?? ''
    const queryAt = url.indexOf('?')
    const path = queryAt === -1 ? url : url.slice(0, queryAt)
    const route = request.method === 'GET' ? byPath.get(path) : undefined
    if (route === undefined || lifecycle.closing || !hasNoBody(request) || url.includes('#')) {
      fallback(request, response)
      return
    }
    answer(request, response, route, queryAt === -1 ? '' : url.slice(queryAt + 1), performance.now()).catch((error: unknown) => {
      // Only writing the answer itself can get here (the route's errors are answered above).
      log.error({ err: error }, 'direct read failed')
      response.destroy()
    })
  }
}
