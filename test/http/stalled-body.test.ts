import assert from 'node:assert/strict'
import { connect } from 'node:net'
import { describe, test } from 'node:test'

import { createWorld } from '../fixtures/world.ts'

/**
 * Declares a large body, sends part of it, then stalls. Resolves with everything the server sent
 * once it closes the connection; the test's own timeout bounds a server that never does.
 */
const stall = (port: number, head: string, sent: number) =>
  new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(head)
      socket.write('x'.repeat(sent))
    })
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk.toString()))
    socket.on('close', () => resolve(answer))
    socket.on('error', reject)
  })

describe('a stalled request body', () => {
  test(
    'is answered 408 request_timeout in the envelope and closed, 200 at once, and the server goes on serving',
    { timeout: 60_000 },
    async () => {
      const w = await createWorld({ requestTimeoutMs: 1_000 })
      await w.app.listen({ host: '127.0.0.1', port: 0 })
      const { port } = w.app.server.address() as { port: number }
      const head = (contentType: string) =>
        `POST /client_sessions/create HTTP/1.1\r\nhost: x\r\nauthorization: ${w.as.apiKey.authorization}\r\n` +
        `content-type: ${contentType}\r\ncontent-length: 1048000\r\n\r\n`
      // The SDK's content type (taken by the direct path when it is on) and another (Fastify's).
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) => stall(port, head(i % 2 === 0 ? 'application/json' : 'application/vnd.api+json'), 20_000)),
      )
      for (const answer of answers) {
        assert.match(answer, /^HTTP\/1\.1 408 /, answer.slice(0, 200))
        const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { ok: boolean; error: { type: string } }
        assert.equal(body.ok, false)
        assert.equal(body.error.type, 'request_timeout')
      }
      // Nothing was created, and the server answers as before.
      const listed = await fetch(`http://127.0.0.1:${port}/client_sessions/list`, {
        method: 'POST',
        headers: { ...w.as.apiKey, 'content-type': 'application/json' },
        body: '{}',
      })
      assert.equal(listed.status, 200)
      assert.deepEqual(((await listed.json()) as { client_sessions: unknown[] }).client_sessions, [])
    },
  )
})
