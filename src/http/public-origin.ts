import type { AppContext } from '../domain/context.ts'

/** How a request reached this server: Fastify's request has both, the direct path knows them. */
export interface RequestAddress {
  protocol: string
  host: string
}

/**
 * The origin to put in URLs handed to browsers. Behind a proxy the request's host is internal, so
 * an operator sets LATCHKEY_PUBLIC_URL; otherwise the URL is how this caller reached us.
 */
export const publicOrigin = (request: RequestAddress, context: AppContext): string =>
  context.config.publicUrl ?? `${request.protocol}://${request.host}`
