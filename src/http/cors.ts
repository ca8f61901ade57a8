import type { FastifyInstance } from 'fastify'

const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'client-session-token',
  'seam-client-session-token',
  'seam-publishable-key',
  'seam-user-identifier-key',
  'seam-workspace',
  'seam-sdk-name',
  'seam-sdk-version',
].join(', ')

/**
 * Browsers call Latchkey directly with a client session token or publishable key (that is the
 * point of client sessions). Credentials travel in headers, never cookies, so any origin may
 * call: CORS protects ambient credentials, and there are none.
 */
export const installCors = (app: FastifyInstance): void => {
  // Callback-style hooks (here and in app.ts) cost no promise per request; this runs on every call.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('access-control-allow-origin', '*')
    reply.header('access-control-expose-headers', 'seam-request-id')
    // Only a real preflight is answered here; any other OPTIONS request is an unlisted method (405).
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined) {
      reply
        .code(204)
        .header('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE')
        .header('access-control-allow-headers', ALLOWED_HEADERS)
        .header('access-control-max-age', '600')
        .send()
      return
    }
    done()
  })
}
