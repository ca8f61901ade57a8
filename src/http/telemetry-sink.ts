import type { FastifyInstance } from 'fastify'

/**
 * Seam Components post usage telemetry to `/internal/tlmtry` with no credentials (contract §7).
 * Latchkey keeps none of it: the route exists so a page's console shows no failed request.
 * Whatever the body's type, it is read within the body limit and dropped.
 */
export const installTelemetrySink = (app: FastifyInstance): void => {
  void app.register(async (sink) => {
    sink.removeAllContentTypeParsers()
    sink.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, _body, done) => done(null, undefined))
    sink.post('/internal/tlmtry', (_request, reply) => {
      void reply.code(204).send()
    })
  })
}
