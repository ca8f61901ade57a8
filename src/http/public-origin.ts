import type { FastifyRequest } from 'fastify'

import type { AppContext } from '../domain/context.ts'

/**
 * The origin to put in URLs handed to browsers. Behind a proxy the request's host is internal, so
 * an operator sets LATCHKEY_PUBLIC_URL; otherwise the URL is how this caller reached us.
 */
export const publicOrigin = (request: FastifyRequest, context: AppContext): string =>
  context.config.publicUrl ?? `${request.protocol}://${request.host}`
