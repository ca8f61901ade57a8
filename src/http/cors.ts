import cors from '@fastify/cors'
import type { FastifyInstance } from 'fastify'

/** Every header the official SDK and Seam Components send (contract §7). */
export const CORS_ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'accept',
  'client-session-token',
  'seam-client-session-token',
  'seam-publishable-key',
  'seam-user-identifier-key',
  'seam-workspace',
  'seam-sdk-name',
  'seam-sdk-version',
  'seam-lts-version',
  'seam-customer-key',
  'user-agent',
]

/**
 * Browsers call Latchkey directly with a client session token or publishable key (that is the
 * point of client sessions). A token client sends `credentials: 'include'`, which a browser
 * refuses to pair with `Access-Control-Allow-Origin: *`, so the caller's origin is echoed
 * instead. That is safe here: credentials travel in headers, never cookies, so a page from
 * another origin gains nothing ambient by being allowed. `allowedOrigins` narrows it to a
 * list; an origin outside the list gets no CORS headers and the browser blocks the read.
 */
export const installCors = (app: FastifyInstance, allowedOrigins: readonly string[] | null): void => {
  const listed = new Set(allowedOrigins)
  void app.register(cors, {
    // `true` echoes any origin. A list is checked here rather than handed to the plugin as an
    // array: for an array the plugin still sends Allow-Credentials to origins outside it, while
    // `false` from a function sends no CORS header at all.
    origin:
      allowedOrigins === null
        ? true
        : (origin: string | undefined, done: (error: Error | null, allow: boolean) => void) => done(null, origin === undefined || listed.has(origin)),
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: ['seam-request-id'],
    maxAge: 600,
    // Every OPTIONS answers 204, preflight or not: a route's OPTIONS is the browser's, never an API call.
    strictPreflight: false,
  })
}

/**
 * The CORS headers the plugin above puts on a non-preflight answer, for the direct path
 * (transport/direct.ts), as a flat name/value list: `Vary: Origin` always; then, for an origin the
 * configuration allows (or no origin at all), the origin echoed when there is one, credentials
 * allowed and the request id exposed. A test compares both ways of answering header by header.
 */
export const corsAnswerHeaders = (allowedOrigins: readonly string[] | null): ((origin: string | undefined) => string[]) => {
  const listed = new Set(allowedOrigins)
  const allowedTail = ['access-control-allow-credentials', 'true', 'access-control-expose-headers', 'seam-request-id']
  const withoutOrigin = ['vary', 'Origin', ...allowedTail]
  const refused = ['vary', 'Origin']
  return (origin) => {
    if (allowedOrigins !== null && origin !== undefined && !listed.has(origin)) return refused
    if (origin === undefined || origin === '') return withoutOrigin
    return ['vary', 'Origin', 'access-control-allow-origin', origin, ...allowedTail]
  }
}
