import type { FastifyInstance } from 'fastify'

/** What the request log line and the metrics say about a request beyond method, route and status. */
export interface RequestFacts {
  workspace_id: string | null
  /** Which kind of credential authenticated the request, never the credential itself. */
  credential: string | null
  error_type: string | null
}

declare module 'fastify' {
  interface FastifyRequest {
    facts: RequestFacts
  }
}

/** Every answer names its request id (the `seam-request-id` header, also in the envelope and the log). */
export const installRequestFacts = (app: FastifyInstance): void => {
  app.decorateRequest('facts', null as unknown as RequestFacts)
  app.addHook('onRequest', (request, reply, done) => {
    request.facts = { workspace_id: null, credential: null, error_type: null }
    reply.header('seam-request-id', request.id)
    done()
  })
}
