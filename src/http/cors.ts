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

const PREFLIGHT = [
  'access-control-allow-methods',
  'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers',
  CORS_ALLOWED_HEADERS.join(', '),
  'access-control-max-age',
  '600',
]

export interface CorsPolicy {
  /** The CORS headers of every answer to a request from `origin` (a flat name/value list). */
  answerHeaders(origin: string | undefined): readonly string[]
  /** Those of a preflight's answer: the above, plus what may be sent, for an origin allowed. */
  preflightHeaders(origin: string | undefined): readonly string[]
}

/**
 * Browsers call Latchkey directly with a client session token or publishable key (that is the
 * point of client sessions). A token client sends `credentials: 'include'`, which a browser
 * refuses to pair with `Access-Control-Allow-Origin: *`, so the caller's origin is echoed
 * instead. That is safe here: credentials travel in headers, never cookies, so a page from
 * another origin gains nothing ambient by being allowed. `allowedOrigins` narrows it to a list;
 * an origin outside the list gets no CORS headers (only `Vary`), and the browser blocks the read.
 *
 * Every OPTIONS is answered 204 as a preflight, whatever its path: a route's OPTIONS is the
 * browser's, never an API call. The header lists are built once; a request only picks one.
 */
export const corsPolicy = (allowedOrigins: readonly string[] | null): CorsPolicy => {
  const listed = new Set(allowedOrigins)
  const allowedTail = ['access-control-allow-credentials', 'true', 'access-control-expose-headers', 'seam-request-id']
  const withoutOrigin = ['vary', 'Origin', ...allowedTail]
  const refused = ['vary', 'Origin']
  const isRefused = (origin: string | undefined) => allowedOrigins !== null && origin !== undefined && !listed.has(origin)
  const answerHeaders = (origin: string | undefined): readonly string[] => {
    if (isRefused(origin)) return refused
    if (origin === undefined || origin === '') return withoutOrigin
    return ['vary', 'Origin', 'access-control-allow-origin', origin, ...allowedTail]
  }
  return {
    answerHeaders,
    preflightHeaders: (origin) => (isRefused(origin) ? refused : [...answerHeaders(origin), ...PREFLIGHT]),
  }
}
