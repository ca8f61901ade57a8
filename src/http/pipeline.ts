import type { IncomingHttpHeaders } from 'node:http'

import { z } from 'zod'

import type { Auth } from '../auth/auth.ts'
import { authenticate, authenticateNow } from '../auth/authenticate.ts'
import { ApiError } from '../contract/api-error.ts'
import type { AppContext } from '../domain/context.ts'
import { NOT_AT_HAND } from '../store/store.ts'
import { coerceQuery } from './query-params.ts'
import { assertStorableText } from './storable-text.ts'
import type { RequestFacts } from './request-facts.ts'
import { type AnyRoute, type HttpMethod, SerializedAnswer } from './route.ts'

/** One call of a route, as either transport (Fastify, or the direct path) received it. */
export interface RouteCall {
  method: HttpMethod
  headers: IncomingHttpHeaders
  /** The parsed query string (GET, DELETE) or JSON body (the others); undefined when absent. */
  source: unknown
  /** Where clients reach this server, for URLs handed out (see public-origin.ts). */
  origin: () => string
  /** Filled in once the caller is known, so the log line of a failure names them too. */
  facts: RequestFacts
}

export const readsQuery = (method: string): boolean => method === 'GET' || method === 'DELETE'

/** A parameter Seam defines that Latchkey does not implement is refused, never ignored. */
const refuseUnsupported = (route: AnyRoute, raw: Record<string, unknown>): void => {
  if (route.unsupported === undefined) return
  for (const name of route.unsupported) {
    if (Object.hasOwn(raw, name)) {
      throw new ApiError(400, 'invalid_input', `${name}: this parameter is not supported by Latchkey.`, {
        validation_errors: { _errors: [], [name]: { _errors: ['Not supported by Latchkey'] } },
      })
    }
  }
}

const parseParams = (route: AnyRoute, raw: unknown): Record<string, unknown> => {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ApiError(400, 'invalid_input', 'Parameters must be a JSON object.', { validation_errors: { _errors: ['Expected an object'] } })
  }
  refuseUnsupported(route, raw as Record<string, unknown>)
  const result = route.params.safeParse(raw)
  if (result.success) return result.data
  const first = result.error.issues[0]
  const where = first === undefined || first.path.length === 0 ? '' : `${first.path.join('.')}: `
  throw new ApiError(400, 'invalid_input', `${where}${first?.message ?? 'Invalid input.'}`, {
    validation_errors: z.formatError(result.error),
  })
}

/**
 * A route's semantics, whoever carries the request: authenticate, then validate, then handle.
 * Every request of every route takes this one path; no route answers around it. Credentials come
 * first, so an unauthenticated caller learns nothing about parameter rules. Answers the success
 * body's JSON, `ok` included. Throws (or rejects with) what the route throws; the transport turns
 * it into the error envelope. A client session token whose session the store has at hand
 * (authenticateNow) is answered at once, without a promise, when its handler answers at once.
 */
export const answerRoute = (route: AnyRoute, call: RouteCall, context: AppContext): string | Promise<string> => {
  // Absent parameters are none; a JSON `null` (or any other non-object) body is refused below.
  const source = call.source === undefined ? {} : call.source
  const raw = readsQuery(call.method) ? coerceQuery(route.params.shape, source as Record<string, unknown>) : source
  // Before authentication, which may read the body's user_identifier_key from the database.
  assertStorableText(raw)
  const handle = (auth: Auth): string | Promise<string> => {
    call.facts.workspace_id = auth.workspaceId
    call.facts.credential = auth.kind
    const params = parseParams(route, raw)
    const body = route.handler({ params, auth, method: call.method, context, origin: call.origin() })
    return body instanceof Promise ? body.then(serialize) : serialize(body)
  }
  const request = { headers: call.headers, body: raw }
  const now = authenticateNow(route.auth, request, context)
  return now === NOT_AT_HAND ? authenticate(route.auth, request, context).then(handle) : handle(now)
}

const serialize = (body: Record<string, unknown> | SerializedAnswer): string =>
  body instanceof SerializedAnswer ? body.json : JSON.stringify({ ...body, ok: true })
