import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'

import { authenticate } from '../auth/authenticate.ts'
import { ApiError } from '../contract/api-error.ts'
import type { AppContext } from '../domain/context.ts'
import { publicOrigin } from './public-origin.ts'
import { coerceQuery } from './query-params.ts'
import { type AnyRoute, HTTP_METHODS, type HttpMethod, SerializedAnswer } from './route.ts'

const readsQuery = (method: string) => method === 'GET' || method === 'DELETE'

const rawParams = (request: FastifyRequest, route: AnyRoute): unknown => {
  if (readsQuery(request.method)) return coerceQuery(route.params.shape, request.query as Record<string, unknown>)
  return request.body ?? {}
}

const parseParams = (route: AnyRoute, raw: unknown): Record<string, unknown> => {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ApiError(400, 'invalid_input', 'Parameters must be a JSON object.', { validation_errors: { _errors: ['Expected an object'] } })
  }
  const result = route.params.safeParse(raw)
  if (result.success) return result.data
  const first = result.error.issues[0]
  const where = first === undefined || first.path.length === 0 ? '' : `${first.path.join('.')}: `
  throw new ApiError(400, 'invalid_input', `${where}${first?.message ?? 'Invalid input.'}`, {
    validation_errors: z.formatError(result.error),
  })
}

/** A request that carries no parameters: no query string, and no body or an empty JSON object. */
const hasNoParams = (request: FastifyRequest): boolean => {
  const source = readsQuery(request.method) ? request.query : request.body
  if (source === undefined || source === null) return true
  if (typeof source !== 'object' || Array.isArray(source)) return false
  for (const _key in source) return false
  return true
}

/**
 * Mounts one route: its methods run the spec (authenticate, then validate, then handle); every
 * other method on the same path answers 405, as contract §1 requires.
 */
export const registerRoute = (app: FastifyInstance, route: AnyRoute, context: AppContext): void => {
  app.route({
    method: [...route.methods],
    url: route.path,
    handler: async (request, reply) => {
      if (route.answerWithoutParams !== undefined && hasNoParams(request)) {
        const fast = await route.answerWithoutParams({ headers: request.headers, context })
        if (fast !== undefined) {
          request.facts.workspace_id = fast.workspaceId
          request.facts.credential = fast.credential
          return reply.type('application/json').send(fast.body)
        }
      }
      const raw = rawParams(request, route)
      // Credentials first: an unauthenticated caller learns nothing about parameter rules.
      const auth = await authenticate(route.auth, { headers: request.headers, body: raw }, context)
      request.facts.workspace_id = auth.workspaceId
      request.facts.credential = auth.kind
      const params = parseParams(route, raw)
      const origin = publicOrigin(request, context)
      const body = await route.handler({ params, auth, method: request.method as HttpMethod, context, origin })
      if (body instanceof SerializedAnswer) return reply.type('application/json').send(body.json)
      return reply.type('application/json').send({ ...body, ok: true })
    },
  })
  const others = HTTP_METHODS.filter((m) => !route.methods.includes(m))
  if (others.length > 0) {
    app.route({
      method: others,
      url: route.path,
      handler: async () => {
        throw new ApiError(405, 'method_not_allowed', `${route.path} accepts ${route.methods.join(', ')}.`)
      },
    })
  }
}
