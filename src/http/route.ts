import type { z } from 'zod'

import type { AuthKind, AuthOf } from '../auth/auth.ts'
import type { AppContext } from '../domain/context.ts'
import type { ActionType } from '../store/records.ts'

// OPTIONS is not among them: every OPTIONS is a preflight, on every path (http/cors.ts).
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const
export type HttpMethod = (typeof HTTP_METHODS)[number]

export interface HandlerInput<P, A extends AuthKind> {
  params: P
  auth: AuthOf<A>
  method: HttpMethod
  context: AppContext
  /**
   * Where clients reach this server (LATCHKEY_PUBLIC_URL, else the request's own host), for URLs
   * handed out; worked out only by the handlers that call it.
   */
  origin: () => string
  /**
   * `pagination.next_page_url` of a list: this request as a GET URL on `origin()` with the given
   * `page_cursor` (http/page-url.ts).
   */
  nextPageUrl: (cursor: string) => string
}

/**
 * A route is data plus a small handler (the model: Seam's `withRouteSpec`). The same spec drives
 * method checks, authentication, parameter validation and the OpenAPI document.
 */
export interface RouteSpec<P extends z.ZodObject = z.ZodObject, A extends AuthKind = AuthKind> {
  path: string
  methods: readonly HttpMethod[]
  auth: readonly A[]
  description: string
  params: P
  /**
   * Parameters Seam's API defines on this route that Latchkey does not implement. A request that
   * sends one is refused (400 invalid_input naming it) instead of answered as if it were absent:
   * an ignored filter would answer rows the caller did not ask for.
   */
  unsupported?: readonly string[]
  /**
   * The answer's main resource, Seam's `x-response-key` in the OpenAPI document; by default the
   * answer's only field besides `pagination`. Null where Seam's document says null.
   */
  responseKey?: string | null
  /** The action type of the action attempt this route answers with (Seam's `x-action-attempt-type`). */
  actionAttemptType?: ActionType
  /** The success body without `ok`, for the OpenAPI document. */
  response: z.ZodObject
  /**
   * Answers the success body without `ok`, or a string: the body already stringified, `ok`
   * included, when the handler can reuse one (one per stored version of a resource) instead of
   * having it built and stringified again on every request.
   */
  handler(input: HandlerInput<z.output<P>, A>): Promise<Record<string, unknown> | string>
  /**
   * The hot read chain (route-call.ts): the answer made at once, within the pass that read the
   * request, when a client session token was checked without waiting for the store. Must answer
   * exactly what `handler` answers for that credential; a route without it always takes `handler`.
   */
  answerNow?(input: HandlerInput<z.output<P>, 'client_session_token'>): string
}

export const defineRoute = <P extends z.ZodObject, A extends AuthKind>(spec: RouteSpec<P, A>): RouteSpec<P, A> => spec

/** Erases the generic parameters so routes of different shapes can sit in one list. */
export type AnyRoute = RouteSpec<z.ZodObject, AuthKind>
