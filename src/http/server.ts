import { type Server, createServer } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

import type { Pipeline } from './pipeline.ts'

/** How long an idle keep-alive connection stays open; longer than common proxies' 60 s, so they close first. */
const KEEP_ALIVE_TIMEOUT_MS = 72_000

/**
 * The node:http server every request arrives on. node:http's own answers (a missing Host, an
 * unsupported Expect, what its parser refuses) are all turned back to the pipeline and its writer
 * instead, so each is in the contract's envelope.
 */
export const createHttpServer = (
  pipeline: Pipeline,
  answerClientError: (error: Error & { code?: string }, socket: Socket) => void,
  requestTimeoutMs: number,
): Server => {
  const server = createServer(
    {
      // Answered by the pipeline in the envelope instead of node:http's bare 400.
      requireHostHeader: false,
      // node:http enforces the request timeout only when it checks its connections; checking
      // every second (by default every 30 s) keeps a stalled body's 408 near its deadline.
      connectionsCheckingInterval: Math.min(1_000, requestTimeoutMs),
      // Headers and body together; the headers' own limit may not be longer.
      requestTimeout: requestTimeoutMs,
      headersTimeout: Math.min(60_000, requestTimeoutMs),
      keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    },
    pipeline.handle,
  )
  server.on('checkExpectation', pipeline.expectationFailed)
  server.on('clientError', answerClientError)
  return server
}

/** The URL a listening server is reached at, as `http://host:port` (IPv6 in brackets). */
export const listeningUrl = (server: Server): string => {
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' || address.family === (6 as unknown as string) ? `[${address.address}]` : address.address
  return `http://${host}:${address.port}`
}
