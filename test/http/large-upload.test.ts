import assert from 'node:assert/strict'
import { connect } from 'node:net'
import { describe, test } from 'node:test'

import { createWorld } from '../fixtures/world.ts'

const UPLOAD_BYTES = 100 * 1024 * 1024
const CHUNK = Buffer.alloc(64 * 1024, 'x')

/**
 * Writes the head, then the whole upload, honouring backpressure, and only then reads: the way a
 * client on a raw socket that does not read while it sends behaves. Resolves with what the server
 * sent, or rejects with the socket's error (EPIPE, ECONNRESET) if the server closed too soon.
 */
const uploadThenRead = (port: number, head: string, chunked: boolean) =>
  new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk.toString()))
    socket.on('error', reject)
    socket.on('close', () => resolve(answer))
    socket.pause()
    let sent = 0
    const pump = () => {
      while (sent < UPLOAD_BYTES) {
        sent += CHUNK.length
        const frame = chunked ? Buffer.concat([Buffer.from(`${CHUNK.length.toString(16)}\r\n`), CHUNK, Buffer.from('\r\n')]) : CHUNK
        if (!socket.write(frame)) {
          socket.once('drain', pump)
          return
        }
      }
      socket.end(chunked ? '0\r\n\r\n' : '', () => socket.resume())
    }
    socket.once('connect', () => {
      socket.write(head)
      pump()
    })
  })

describe('an answer written before the body is read', () => {
  for (const chunked of [false, true]) {
    test(
      `reaches a client that uploads 100 MB before reading (${chunked ? 'chunked' : 'content-length'}): 413, then the connection closes`,
      { timeout: 120_000 },
      async () => {
        const w = await createWorld()
        await w.app.listen({ host: '127.0.0.1', port: 0 })
        const { port } = w.app.server.address() as { port: number }
        const framing = chunked ? 'transfer-encoding: chunked' : `content-length: ${UPLOAD_BYTES}`
        const head = `POST /client_sessions/create HTTP/1.1\r\nhost: x\r\nauthorization: ${w.as.apiKey.authorization}\r\ncontent-type: application/json\r\n${framing}\r\n\r\n`
        const answer = await uploadThenRead(port, head, chunked)
        assert.match(answer, /^HTTP\/1\.1 413 /, answer.slice(0, 200))
        assert.match(answer, /\r\nconnection: close\r\n/i)
        const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { ok: boolean; error: { type: string } }
        assert.equal(body.error.type, 'payload_too_large')
        // Nothing was created, and the server goes on serving.
        assert.deepEqual((await w.api('/client_sessions/list')).body.client_sessions, [])
      },
    )
  }
})
