import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after } from 'node:test'

export interface Received {
  headers: IncomingHttpHeaders
  body: string
}

/**
 * A webhook receiver on 127.0.0.1 that the test starts and stops: it keeps what it receives and
 * answers with the status `answer` gives for the n-th request (200 by default).
 */
export const startReceiver = async (answer: (n: number) => number = () => 200) => {
  const received: Received[] = []
  const waiters: { count: number; resolve: () => void }[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => {
      received.push({ headers: req.headers, body })
      res.statusCode = answer(received.length)
      res.end('ok')
      for (const waiter of waiters.filter((w) => received.length >= w.count)) waiter.resolve()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()))
  after(close)
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    received,
    close,
    /** Resolves once `count` requests have arrived; rejects after `boundMs` (a bound, not a timing assertion). */
    waitFor(count: number, boundMs = 30_000) {
      if (received.length >= count) return Promise.resolve()
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`received ${received.length} of ${count} deliveries`)), boundMs)
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) })
      })
    },
  }
}
