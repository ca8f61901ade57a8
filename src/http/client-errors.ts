import { randomUUID } from 'node:crypto'
import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'

/**
 * Node's HTTP parser rejects some requests before Fastify sees them (headers too large, a
 * malformed request line, a request that took too long). Fastify would answer with its own body;
 * this writes the contract's error envelope instead, then closes the connection, because the
 * parser cannot continue on it.
 */
export const answerClientError = (error: Error & { code?: string }, socket: Socket): void => {
  if (!socket.writable) {
    socket.destroy()
    return
  }
  const [status, type, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'request_header_fields_too_large', 'The request headers are too large.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout', 'The request took too long to arrive.']
        : [400, 'invalid_input', 'The request is not valid HTTP.']
  const requestId = randomUUID()
  const body = JSON.stringify({ error: { type, message, request_id: requestId }, ok: false })
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'content-type: application/json; charset=utf-8\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      `seam-request-id: ${requestId}\r\n` +
      'connection: close\r\n\r\n' +
      body,
  )
}
