import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { performance } from 'node:perf_hooks'

import querystring from 'fast-querystring'

import { NOT_AT_HAND } from '../store/store.ts'
import type { AppContext } from '../domain/context.ts'
import { type Answer, jsonAnswer, noContent } from './writer.ts'
import { jsonParams, readBody } from './body.ts'
import type { CorsPolicy } from './cors.ts'
import { type ErrorLog, HttpRefusal, errorAnswer } from './error-envelope.ts'
import type { Exchange } from './exchange.ts'
import { type TrustFunction, clientAddressOf, forwardedRequest } from './forwarded.ts'
import type { Lifecycle } from './lifecycle.ts'
import type { PassWriter } from './writer.ts'
import { publicOrigin } from './public-origin.ts'
import type { RateLimit } from './rate-limit.ts'
import { type RouteCall, answerRoute, answerRouteNow, readsQuery } from './route-call.ts'
import type { HttpMethod } from './route.ts'
import type { Router, Target } from './router.ts'
import type { AnswerWriter } from './writer.ts'

export interface PipelineParts {
  router: Router
  context: AppContext
  lifecycle: Lifecycle
  cors: CorsPolicy
  /** Null: no rate limit is configured. */
  rateLimit: RateLimit | null
  passes: PassWriter
  writer: AnswerWriter
  trust: TrustFunction | undefined
  log: ErrorLog
}

export interface Pipeline {
  /** node:http's 'request' listener: every request the parser could read. */
  handle(this: void, request: IncomingMessage, response: ServerResponse): void
  /** node:http's 'checkExpectation': an Expect header other than 100-continue. */
  expectationFailed(this: void, request: IncomingMessage, response: ServerResponse): void
}

const missingHost = (request: IncomingMessage): boolean =>
  request.headers.host === undefined && request.httpVersionMajor === 1 && request.httpVersionMinor === 1

/** A request taken up, with the request id every answer to it names. */
export const beginExchange = (request: IncomingMessage, response: ServerResponse, pass: number): Exchange => {
  const requestId = randomUUID()
  return {
    request,
    response,
    requestId,
    started: performance.now(),
    pass,
    pattern: null,
    facts: { workspace_id: null, credential: null, error_type: null },
    headers: ['seam-request-id', requestId],
    bodyRead: false,
  }
}

/** A query string's parameters. */
const queryParams = (query: string): unknown => (query.length === 0 ? {} : querystring.parse(query))

/**
 * The one HTTP pipeline. Every request, whatever answers it (an API route, an endpoint, a
 * refusal), goes through the same ordered steps, and its answer through the one writer:
 *
 *   request id → CORS → Host → route → closing → rate limit → body or query →
 *   credentials → validation → handler → writer (answer, log line, metrics)
 *
 * The steps that need no waiting run in the callback that parsed the request; a client session
 * token reading its own session on SQLite is answered within it (route-call.ts, the hot read
 * chain). Requests node:http's parser refuses never get here: client-errors.ts answers them
 * through the same writer.
 */
export const createPipeline = (parts: PipelineParts): Pipeline => {
  const { router, context, lifecycle, cors, rateLimit, passes, writer, trust, log } = parts
  const bodyLimit = context.config.bodyLimitBytes

  const fail = (exchange: Exchange, error: unknown): void => {
    const { answer, type } = errorAnswer(error, exchange.requestId, log)
    exchange.facts.error_type = type
    writer.write(exchange, answer)
  }
  const settle = (exchange: Exchange, answer: Promise<Answer>): void => {
    answer.then(
      (made) => writer.write(exchange, made),
      (error: unknown) => fail(exchange, error),
    )
  }

  const routeCall = (exchange: Exchange, source: unknown): RouteCall => ({
    method: exchange.request.method as HttpMethod,
    headers: exchange.request.headers,
    source,
    origin: () => publicOrigin(forwardedRequest(exchange.request, trust), context),
    facts: exchange.facts,
  })

  /**
   * An API route's answer: the body or query, then route-call.ts. The hot read chain is tried
   * here unless `answerNow` already tried it for this request and found nothing at hand, in
   * which case the call it built (`triedNow`) is the one answered.
   */
  const callRoute = async (
    exchange: Exchange,
    target: Extract<Target, { kind: 'route' }>,
    triedNow: RouteCall | undefined,
  ): Promise<Answer> => {
    const { request } = exchange
    const body = await readBody(request, bodyLimit)
    exchange.bodyRead = true
    if (triedNow !== undefined) return jsonAnswer(await answerRoute(target.route, triedNow, context))
    const source = readsQuery(request.method ?? '') ? queryParams(target.query) : jsonParams(body, request.headers['content-type'])
    const call = routeCall(exchange, source)
    const now = answerRouteNow(target.route, call, context)
    return jsonAnswer(now === NOT_AT_HAND ? await answerRoute(target.route, call, context) : now)
  }

  /** Everything after the route is known, for a request that must wait for something. */
  const answerLater = async (exchange: Exchange, target: Target, operational: boolean, triedNow?: RouteCall): Promise<Answer> => {
    if (rateLimit !== null && !operational) {
      exchange.headers.push(...(await rateLimit(clientAddressOf(exchange.request, trust) ?? '')))
    }
    switch (target.kind) {
      case 'refused':
        throw target.error
      case 'route':
        return callRoute(exchange, target, triedNow)
      case 'endpoint': {
        const { endpoint, pathParam } = target
        const body = await readBody(exchange.request, endpoint.bodyLimit ?? 0)
        exchange.bodyRead = true
        return endpoint.answer({ exchange, pathParam, body })
      }
    }
  }

  /** Whether a request may be answered within the callback that parsed it: a GET with nothing to wait for first. */
  const mayAnswerNow = (exchange: Exchange, target: Target): target is Extract<Target, { kind: 'route' }> =>
    target.kind === 'route' && rateLimit === null && exchange.request.method === 'GET' && target.route.answerNow !== undefined

  /**
   * The hot read chain: such a GET answered at once when the store has what it needs at hand.
   * Otherwise answers the call it built, for the asynchronous path to answer.
   */
  const answerNow = (exchange: Exchange, target: Extract<Target, { kind: 'route' }>): RouteCall | undefined => {
    const call = routeCall(exchange, queryParams(target.query))
    const json = answerRouteNow(target.route, call, context)
    if (json === NOT_AT_HAND) return call
    writer.write(exchange, jsonAnswer(json))
    return undefined
  }

  return {
    handle(request, response) {
      const exchange = beginExchange(request, response, passes.begin())
      try {
        const origin = request.headers.origin
        if (request.method === 'OPTIONS') {
          exchange.headers.push(...cors.preflightHeaders(origin))
          writer.write(exchange, noContent)
          return
        }
        exchange.headers.push(...cors.answerHeaders(origin))
        if (missingHost(request)) throw new HttpRefusal(400, 'invalid_input', 'HTTP/1.1 requests must carry a Host header.', [], true)
        const target = router(request.method ?? '', request.url ?? '')
        exchange.pattern =
          target.kind === 'route' ? target.route.path : target.kind === 'endpoint' ? target.endpoint.pattern : target.pattern
        const operational = target.kind === 'endpoint' && target.endpoint.operational === true
        if (lifecycle.closing && !operational) {
          throw new HttpRefusal(
            503,
            'service_unavailable',
            'The server is shutting down; retry on another instance.',
            ['retry-after', '1'],
            true,
          )
        }
        let triedNow: RouteCall | undefined
        if (mayAnswerNow(exchange, target)) {
          triedNow = answerNow(exchange, target)
          if (triedNow === undefined) return
        }
        settle(exchange, answerLater(exchange, target, operational, triedNow))
      } catch (error) {
        fail(exchange, error)
      }
    },
    expectationFailed(request, response) {
      const exchange = beginExchange(request, response, passes.begin())
      exchange.headers.push(...cors.answerHeaders(request.headers.origin))
      fail(
        exchange,
        new HttpRefusal(417, 'expectation_failed', 'The Expect header is not supported; only "Expect: 100-continue" is.', [], true),
      )
    },
  }
}
