import type { IncomingHttpHeaders } from 'node:http'

import { z } from 'zod'

import { authenticate, clientSessionVerdict, presentedClientSessionToken } from '../auth/authenticate.ts'
import { NOT_AT_HAND } from '../store/store.ts'
import { ApiError } from '../contract/api-error.ts'
import type { AppContext } from '../domain/context.ts'
import type { RequestFacts } from './exchange.ts'
import { nextPageUrl } from './page-url.ts'
import { assertStorableText, coerceQuery } from './raw-params.ts'
import type { AnyRoute, HttpMethod } from './route.ts'

/** One call of an API route: its parameters as they arrived, and who is calling. */
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
    throw new ApiError(400, 'invalid_input', 'Parameters must be a JSON object.', {
      validation_errors: { _errors: ['Expected an object'] },
    })
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

/** The raw parameters: the query's text coerced to the schema's types, checked storable. */
const rawParams = (route: AnyRoute, call: RouteCall): unknown => {
  // Absent parameters are none; a JSON `null` (or any other non-object) body is refused later.
  const source = call.source === undefined ? {} : call.source
  const raw = readsQuery(call.method) ? coerceQuery(route.params.shape, source as Record<string, unknown>) : source
  // Before authentication, which may read the body's user_identifier_key from the database.
  assertStorableText(raw)
  return raw
}

/** The handler's `nextPageUrl`: worked out only when a list has a next page. */
const pageUrlOf =
  (route: AnyRoute, call: RouteCall, params: Record<string, unknown>) =>
  (cursor: string): string =>
    nextPageUrl(call.origin(), route.path, params, cursor)

const serialize = (body: Record<string, unknown> | string): string =>
  typeof body === 'string' ? body : JSON.stringify({ ...body, ok: true })

/**
 * A route's semantics: authenticate, then validate, then handle. Every API call takes this one
 * path. Credentials come first, so an unauthenticated caller learns nothing about parameter
 * rules. Answers the success body's JSON, `ok` included; rejects with what the route throws.
 */
export const answerRoute = async (route: AnyRoute, call: RouteCall, context: AppContext): Promise<string> => {
  const raw = rawParams(route, call)
  const auth = await authenticate(route.auth, { headers: call.headers, body: raw }, context)
  call.facts.workspace_id = auth.workspaceId
  call.facts.credential = auth.kind
  const params = parseParams(route, raw)
  return serialize(
    await route.handler({ params, auth, method: call.method, context, origin: call.origin, nextPageUrl: pageUrlOf(route, call, params) }),
  )
}

/**
 * The client session token the request presents, from its headers alone, before its parameters
 * are read: another credential (an API key's read) then leaves the hot chain having read nothing.
 * A request refused here (no credential, a malformed token) is left to `answerRoute`, which checks
 * the parameters first and so answers what it would have.
 */
const presentedTokenOf = (route: AnyRoute, call: RouteCall) => {
  try {
    return presentedClientSessionToken(route.auth, { headers: call.headers, body: undefined })
  } catch {
    return undefined
  }
}

/**
 * The hot read chain: the same steps as `answerRoute`, made at once when the route has an
 * `answerNow` and the store can check the credential without waiting (a client session token
 * reading its own session on SQLite, through `Store.clientSessionAuthNow`). Each promise a request crosses costs a trip through the
 * microtask queue; this read crosses none. NOT_AT_HAND: take `answerRoute`. Throws what the
 * route throws.
 */
export const answerRouteNow = (route: AnyRoute, call: RouteCall, context: AppContext): string | typeof NOT_AT_HAND => {
  if (route.answerNow === undefined) return NOT_AT_HAND
  const { store, clock } = context
  if (store.clientSessionAuthNow === undefined) return NOT_AT_HAND
  const presented = presentedTokenOf(route, call)
  if (presented === undefined) return NOT_AT_HAND
  const raw = rawParams(route, call)
  // The same checks `authenticate` makes, with the session read at once when the store has it.
  const found = store.clientSessionAuthNow(presented.tokenId)
  if (found === NOT_AT_HAND) return NOT_AT_HAND
  const auth = clientSessionVerdict(presented.token, presented.secret, found, clock)
  call.facts.workspace_id = auth.workspaceId
  call.facts.credential = auth.kind
  const params = parseParams(route, raw)
  return route.answerNow({ params, auth, method: call.method, context, origin: call.origin, nextPageUrl: pageUrlOf(route, call, params) })
}
