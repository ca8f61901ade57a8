// The ceiling: a bare node:http server answering a fixed JSON body (BENCH_BODY) to every request;
// with BENCH_WORKERS=N, N such processes on one port through node:cluster, as `serve --workers N`.
import { Buffer } from 'node:buffer'
import cluster from 'node:cluster'
import { createServer } from 'node:http'

const workers = Number(process.env.BENCH_WORKERS ?? 1)
if (workers > 1 && cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork()
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM')
    process.exit(0)
  })
} else {
  const body = Buffer.from(process.env.BENCH_BODY ?? '{"ok":true}')
  const server = createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length })
      response.end(body)
    })
  })
  server.listen(Number(process.env.PORT), '127.0.0.1')
  process.on('SIGTERM', () => server.close(() => process.exit(0)))
}
