import { type ClientRequest, Agent as HttpAgent, request as httpRequest } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'

import type { Destination } from './destination.ts'

/** The most of a receiver's answer that is read; the rest is discarded with the connection. */
const MAX_RESPONSE_BYTES = 16 * 1024

/** Connections kept open between deliveries to the same receiver, as Svix keeps them. */
export interface DeliveryAgents {
  http: HttpAgent
  https: HttpsAgent
  close(): void
}

export const createDeliveryAgents = (): DeliveryAgents => {
  const http = new HttpAgent({ keepAlive: true, maxSockets: 16 })
  const https = new HttpsAgent({ keepAlive: true, maxSockets: 16 })
  return { http, https, close: () => (http.destroy(), https.destroy()) }
}

export interface SendResult {
  status: number | null
  error: string | null
  duration_ms: number
}

/**
 * POSTs one delivery and reports how the receiver answered. Redirects are not followed (a 3xx is
 * an answer like any other non-2xx), the answer is read up to a small bound, and the whole
 * exchange is cut off after `timeoutMs`. Never throws.
 */
export const sendDelivery = (
  destination: Extract<Destination, { ok: true }>,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  agents: DeliveryAgents,
): Promise<SendResult> =>
  new Promise((resolve) => {
    const started = performance.now()
    let settled = false
    const finish = (status: number | null, error: string | null) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve({ status, error, duration_ms: Math.round(performance.now() - started) })
    }
    const { url, address, family } = destination
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest
    let current: ClientRequest | undefined
    const attempt = (fresh: boolean) => {
      const req = send(
        url,
        {
          method: 'POST',
          headers: {
            ...headers,
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
            'user-agent': 'Latchkey-Webhooks',
          },
          // Connect to the address that was checked, whatever DNS says now.
          lookup: (_host, _options, callback) => callback(null, address, family),
          // A fresh attempt opens a connection of its own rather than take another pooled one.
          agent: fresh ? false : url.protocol === 'https:' ? agents.https : agents.http,
        },
        (res) => {
          let read = 0
          res.on('data', (chunk: Buffer) => {
            read += chunk.length
            if (read > MAX_RESPONSE_BYTES) res.destroy()
          })
          const done = () => finish(res.statusCode ?? null, null)
          res.on('end', done)
          res.on('close', done)
          res.on('error', done)
        },
      )
      current = req
      req.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive connection the receiver closed while it sat idle (its keep-alive timeout,
        // 5 s in Node) can be taken from the pool just before its close is seen: the request then
        // fails at once with ECONNRESET or EPIPE and the receiver never read it. That is the
        // connection's fault, not the receiver's answer, so it is sent again once, on a new
        // connection (what Node's documentation advises for `reusedSocket`).
        if (!settled && !fresh && req.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) {
          attempt(true)
          return
        }
        finish(null, error.message)
      })
      req.end(body)
    }
    const timer = setTimeout(() => {
      finish(null, `no answer within ${timeoutMs / 1000} s`)
      current?.destroy()
    }, timeoutMs)
    attempt(false)
  })
