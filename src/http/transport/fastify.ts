import type { FastifyInstance } from 'fastify'

import { ApiError } from '../../contract/api-error.ts'
import type { AppContext } from '../../domain/context.ts'
import { answerRoute, readsQuery } from '../pipeline.ts'
import { publicOrigin } from '../public-origin.ts'
import { type AnyRoute, HTTP_METHODS, type HttpMethod } from '../route.ts'

/**
 * The Fastify transport: mounts each route on Fastify, whose handler hands the request to the
 * pipeline (pipeline.ts), the same one the direct transport uses; every other method on a
 * route's path answers 405 method_not_allowed. Everything the direct transport declines comes
 * here, with Fastify's hooks (CORS, rate limit, lifecycle, request log) around it.
 */
export const mountRoutes = (app: FastifyInstance, routes: readonly AnyRoute[], context: AppContext): void => {
  for (const route of routes) mountRoute(app, route, context)
}

const mountRoute = (app: FastifyInstance, route: AnyRoute, context: AppContext): void => {
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
