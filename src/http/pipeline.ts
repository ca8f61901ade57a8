import type { IncomingHttpHeaders } from 'node:http'

import { z } from 'zod'

import { authenticate } from '../auth/authenticate.ts'
import { ApiError } from '../contract/api-error.ts'
import type { AppContext } from '../domain/context.ts'
import { type MaybePromise, andThen } from '../maybe-promise.ts'
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
 * it into the error envelope. An answer that is ready at once is handed back at once, without a
 * promise (maybe-promise.ts).
 */
export const answerRoute = (route: AnyRoute, call: RouteCall, context: AppContext): MaybePromise<string> => {
  // Absent parameters are none; a JSON `null` (or any other non-object) body is refused below.
  const source = call.source === undefined ? {} : call.source
  const raw = readsQuery(call.method) ? coerceQuery(route.params.shape, source as Record<string, unknown>) : source
  // Before authentication, which may read the body's user_identifier_key from the database.
  assertStorableText(raw)
  return andThen(authenticate(route.auth, { headers: call.headers, body: raw }, context), (auth) => {
    call.facts.workspace_id = auth.workspaceId
    call.facts.credential = auth.kind
    const params = parseParams(route, raw)
    return andThen(route.handler({ params, auth, method: call.method, context, origin: call.origin() }), (body) =>
      body instanceof SerializedAnswer ? body.json : JSON.stringify({ ...body, ok: true }),
    )
  })
}
