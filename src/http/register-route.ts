import type { FastifyInstance } from 'fastify'

import { ApiError } from '../contract/api-error.ts'
import type { AppContext } from '../domain/context.ts'
import { answerRoute, readsQuery } from './answer-route.ts'
import { publicOrigin } from './public-origin.ts'
import { type AnyRoute, HTTP_METHODS, type HttpMethod } from './route.ts'

/**
 * Mounts one route: its methods run the spec (answer-route.ts); every other method on the same
 * path answers 405 method_not_allowed.
 */
export const registerRoute = (app: FastifyInstance, route: AnyRoute, context: AppContext): void => {
  app.route({
    method: [...route.methods],
    url: route.path,
    handler: async (request, reply) => {
      const json = await answerRoute(
        route,
        {
          method: request.method as HttpMethod,
          headers: request.headers,
          source: readsQuery(request.method) ? request.query : request.body,
          origin: () => publicOrigin(request, context),
          facts: request.facts,
        },
        context,
      )
      return reply.type('application/json').send(json)
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
