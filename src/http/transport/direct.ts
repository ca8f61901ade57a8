import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { performance } from 'node:perf_hooks'

import querystring from 'fast-querystring'

import { ApiError } from '../../contract/api-error.ts'
import type { AppContext } from '../../domain/context.ts'
import { answerRoute } from '../pipeline.ts'
import { SDK_JSON_TYPES, parseBody } from '../body-parser.ts'
import { type ErrorLog, errorAnswer, errorBody } from '../error-envelope.ts'
import type { Lifecycle } from '../lifecycle.ts'
import { passWriter } from '../pass-writer.ts'
import { type TrustFunction, clientAddressOf, forwardedRequest } from '../forwarded.ts'
import { publicOrigin } from '../public-origin.ts'
import type { RequestFacts } from '../request-facts.ts'
import type { AnsweredRequest } from '../request-log.ts'
import type { AnyRoute, HttpMethod } from '../route.ts'

export type RequestListener = (request: IncomingMessage, response: ServerResponse) => void

export interface DirectTransportOptions {
  routes: readonly AnyRoute[]
  context: AppContext
  lifecycle: Lifecycle
  record: (answered: AnsweredRequest) => void
  corsHeaders: (origin: string | undefined) => string[]
  log: ErrorLog
  /** The proxies believed (--trust-proxy), the same function Fastify is given; undefined: none. */
  trust: TrustFunction | undefined
}

const JSON_TYPE = 'application/json; charset=utf-8'
const DECIMAL = /^\d{1,10}$/

/** Which requests the direct transport takes, and how their parameters arrive. */
type Intake = { kind: 'query'; query: string } | { kind: 'body'; length: number; contentType: string | undefined }

const intakeOf = (request: IncomingMessage, route: AnyRoute, url: string, queryAt: number, bodyLimit: number): Intake | undefined => {
  const method = request.method as HttpMethod
  if (!route.methods.includes(method) || url.includes('#') || request.headers['transfer-encoding'] !== undefined) return undefined
  const declared = request.headers['content-length']
  if (method === 'GET') {
    if (declared !== undefined && declared !== '0') return undefined
    return { kind: 'query', query: queryAt === -1 ? '' : url.slice(queryAt + 1) }
  }
  if ((method !== 'POST' && method !== 'PUT' && method !== 'PATCH') || queryAt !== -1) return undefined
  const contentType = request.headers['content-type']
  // Any content type but the SDKs' goes to Fastify, whose parsing rules (media-type syntax
  // included) then apply.
  if (contentType !== undefined && !SDK_JSON_TYPES.has(contentType.toLowerCase())) return undefined
  if (declared === undefined || !DECIMAL.test(declared)) return undefined
  const length = Number(declared)
  if (length > bodyLimit) return undefined
  return { kind: 'body', length, contentType }
}

const EMPTY = Buffer.alloc(0)

/** The body as the request's framing delivered it, by events; Node's parser ends it at content-length. */
const streamBody = (request: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let ended = false
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      ended = true
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks))
    })
    request.on('error', reject)
    // A client gone before the end of its body: 'close' without 'end'. Every request closes once
    // its answer is sent, so the error (and its stack trace, ~7 % of a POST's CPU) is made only
    // when the body really was cut short.
    request.on('close', () => {
      if (!ended) reject(new Error('request closed before its body ended'))
    })
  })

/**
 * The body, if it came whole with its headers. The request event fires as soon as the headers are
 * parsed; one microtask later the parser has pushed what of the body came in the same packet (the
 * caller waits that long). A body that came whole (an SDK's small JSON almost always does) is then
 * taken from the stream's buffer in one read, without the listeners, the switch to flowing mode
 * and the ticks of 'data' and 'end' (together ~4 % of an API-key read's CPU in the profile).
 * Undefined otherwise: the caller streams it. The parser never buffers more than the declared
 * length for this request.
 */
const bodyReceived = (request: IncomingMessage, length: number): Buffer | undefined => {
  if (request.readableLength !== length || request.readableFlowing === true) return undefined
  const buffered: unknown = request.read()
  return buffered === null ? EMPTY : (buffered as Buffer)
}

/** A body's parameters, parsed by the rules Fastify applies through body-parser.ts. */
const bodyParams = (body: Buffer, length: number, contentType: string | undefined): unknown => {
  if (body.length !== length) throw new ApiError(400, 'invalid_input', 'The content-length header does not match the body.')
  return parseBody(body.toString('utf8'), contentType)
}

const unreadable = (): never => {
  throw new ApiError(400, 'invalid_input', 'The request could not be read.')
}

/** A query string's parameters, parsed as Fastify parses them. */
const queryParams = (query: string): unknown => (query.length === 0 ? {} : querystring.parse(query))

/**
 * The direct transport: answers calls to the API's routes at the node:http level, in front of
 * Fastify, and hands every other request to Fastify (`fallback`) untouched.
 *
 * Why: for these calls Fastify's general machinery (router, hook chain, reply object, the CORS
 * plugin's per-request option merge, the body parser's plumbing) costs more than the route's own
 * work (docs/performance.md has the current figures).
 *
 * It is a transport only: every request it takes goes through the same pipeline as Fastify's
 * (`answerRoute`: credentials, validation, handler), errors become the same envelope
 * (`errorAnswer`), bodies are parsed by the same `parseBody`, the CORS headers are the plugin's,
 * and the request id, log line and metrics come from the same recorder. The conformance suite
 * (test/http/transport-conformance.test.ts) holds both transports to the same bytes.
 *
 * It declines by itself what it does not cover, so nothing outside has to know: every request
 * while a rate limit is configured (the limiter is a Fastify hook), anything but a route's path
 * exactly (Fastify normalises or refuses the rest) with one of its methods, GET with a body,
 * POST/PUT/PATCH with a query string, a content type the SDKs do not send, a body without a
 * decimal content-length within the limit, and everything while the server is closing.
 * Forwarded headers count as Fastify counts them, through the same trust function
 * (forwarded.ts). Answers made in the pass that read their request are written together at the
 * end of it (pass-writer.ts), which only changes when their bytes leave.
 */
export const directTransport = (options: DirectTransportOptions, fallback: RequestListener): RequestListener => {
  const { context, lifecycle, record, corsHeaders, log, trust } = options
  // A rate limit is counted by Fastify's hook, which this transport does not run.
  if (context.config.rateLimitPerMinute !== null) return fallback
  const byPath = new Map(options.routes.map((route) => [route.path, route]))
  const bodyLimit = context.config.bodyLimitBytes
  const writer = passWriter()

  const answerFailed = (response: ServerResponse, error: unknown) => {
    // Only writing the answer itself can get here (the route's errors are answered).
    log.error({ err: error }, 'direct transport failed')
    response.destroy()
  }

  // Not async: a route that answers at once (a client session token reading its own session on
  // SQLite) has its answer within the callback that parsed the request, or for a body the
  // microtask after it, with no promise in between (pipeline.ts), and is written at the end
  // of the pass (pass-writer.ts).
  const answer = (request: IncomingMessage, response: ServerResponse, route: AnyRoute, intake: Intake, started: number): void => {
    const pass = writer.begin()
    const requestId = randomUUID()
    const facts: RequestFacts = { workspace_id: null, credential: null, error_type: null }
    const method = request.method as HttpMethod
    // In Fastify's order: what the hooks set, then whatever an error adds (retry-after,
    // connection), then the type and length the reply sets last.
    const headers = ['seam-request-id', requestId, ...corsHeaders(request.headers.origin)]
    const write = (status: number, json: string) => {
      try {
        headers.push('content-type', JSON_TYPE, 'content-length', String(Buffer.byteLength(json)))
        response.writeHead(status, headers)
        response.end(json)
        record({
          requestId,
          method,
          route: route.path,
          status,
          elapsedMs: performance.now() - started,
          facts,
          clientAddress: clientAddressOf(request, trust) ?? null,
        })
      } catch (error) {
        answerFailed(response, error)
      }
    }
    // Written with the other answers of this pass when it is ready in the pass that took the
    // request up (pass-writer.ts); the log line's duration includes that wait.
    const send = (status: number, json: string) => writer.write(pass, () => write(status, json))
    const succeed = (json: string) => send(200, json)
    const fail = (error: unknown) => {
      const failed = errorAnswer(error, requestId, log)
      facts.error_type = failed.error.type
      if (failed.retryLater) headers.push('retry-after', '1')
      send(failed.error.status, errorBody(failed.error, requestId))
    }
    const origin = () => publicOrigin(forwardedRequest(request, trust), context)
    const callWith = (source: unknown) => answerRoute(route, { method, headers: request.headers, source, origin, facts }, context)
    // As Fastify does when a body cannot be read or parsed: the client may be sending more.
    const badBody = (error: unknown): never => {
      headers.push('connection', 'close')
      throw error
    }
    /** Answers what `produce` answers, or the error it throws or rejects with. Never throws. */
    const settle = (produce: () => string | Promise<string>): void => {
      try {
        let json: string | Promise<string>
        try {
          json = produce()
        } catch (error) {
          fail(error)
          return
        }
        if (json instanceof Promise) json.then(succeed, fail).catch((error: unknown) => answerFailed(response, error))
        else succeed(json)
      } catch (error) {
        answerFailed(response, error)
      }
    }
    if (intake.kind === 'query') return settle(() => callWith(queryParams(intake.query)))
    const { length, contentType } = intake
    if (contentType === undefined && length === 0) return settle(() => callWith(undefined))
    queueMicrotask(() =>
      settle(() => {
        const whole = bodyReceived(request, length)
        if (whole === undefined) {
          return streamBody(request)
            .then((body) => bodyParams(body, length, contentType), unreadable)
            .catch(badBody)
            .then(callWith)
        }
        let source: unknown
        try {
          source = bodyParams(whole, length, contentType)
        } catch (error) {
          badBody(error)
        }
        return callWith(source)
      }),
    )
  }

  return (request, response) => {
    const url = request.url ?? ''
    const queryAt = url.indexOf('?')
    const route = byPath.get(queryAt === -1 ? url : url.slice(0, queryAt))
    const intake = route === undefined || lifecycle.closing ? undefined : intakeOf(request, route, url, queryAt, bodyLimit)
    if (route === undefined || intake === undefined) {
      fallback(request, response)
      return
    }
    answer(request, response, route, intake, performance.now())
  }
}
