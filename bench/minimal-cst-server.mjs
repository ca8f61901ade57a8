// A reference point for the client-session-token read, not a ceiling: Fastify doing only what
// such a read cannot skip, for one token (BENCH_CST) whose answer (BENCH_BODY) is serialised once.
// Per request: read the Authorization header, split token id and secret, look the id up in a Map,
// SHA-256 the secret and compare it in constant time, check expiry, send the stored string, and
// write one pino log line once the request is answered. No database, no metrics, no CORS, no
// request id, no freshness check. Latchkey does all of these, so it should sit a little below
// this server; how far below is what this row shows, on whatever the machine is doing that day.
import { createHash, timingSafeEqual } from 'node:crypto'

import Fastify, { LogController } from 'fastify'

const token = process.env.BENCH_CST ?? ''
const body = process.env.BENCH_BODY ?? '{"ok":true}'
const split = (value) => {
  const at = value.lastIndexOf('_')
  return at === -1 ? undefined : { id: value.slice(0, at), secret: value.slice(at + 1) }
}
const sha256 = (text) => createHash('sha256').update(text).digest()
const own = split(token)
const sessions = new Map(own === undefined ? [] : [[own.id, { secretHash: sha256(own.secret), expiresAt: Date.now() + 86_400_000 }]])

const app = Fastify({ logger: { level: 'info' }, logController: new LogController({ disableRequestLogging: true }) })
app.addHook('onResponse', (request, reply, done) => {
  request.log.info({ route: request.routeOptions.url, status: reply.statusCode, duration_ms: reply.elapsedTime }, 'request')
  done()
})
app.get('/client_sessions/get', (request, reply) => {
  const header = request.headers.authorization ?? ''
  const presented = header.startsWith('Bearer ') ? split(header.slice(7)) : undefined
  const session = presented === undefined ? undefined : sessions.get(presented.id)
  if (
    presented === undefined ||
    session === undefined ||
    !timingSafeEqual(sha256(presented.secret), session.secretHash) ||
    session.expiresAt <= Date.now()
  ) {
    reply.code(401).send({ error: { type: 'unauthorized' }, ok: false })
    return
  }
  reply.type('application/json; charset=utf-8').send(body)
})
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
process.on('SIGTERM', () => app.close().then(() => process.exit(0)))
