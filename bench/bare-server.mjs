// The ceiling: a bare node:http server answering a fixed JSON body (BENCH_BODY) to every request.
import { Buffer } from 'node:buffer'
import { createServer } from 'node:http'

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
