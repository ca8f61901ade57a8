// Fastify with no hooks, no logger and one route per hot path answering a fixed body
// (BENCH_BODY): the framework's own cost per request, next to the bare node:http server.
import Fastify from 'fastify'

const body = process.env.BENCH_BODY ?? '{"ok":true}'
const app = Fastify({ logger: false })
const answer = (_request, reply) => {
  reply.type('application/json').send(body)
}
app.route({ method: ['GET', 'POST', 'PUT'], url: '/*', handler: answer })
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
process.on('SIGTERM', () => app.close().then(() => process.exit(0)))
