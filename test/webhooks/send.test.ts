import assert from 'node:assert/strict'
import { createServer, type Socket } from 'node:net'
import { after, test } from 'node:test'

import { createDeliveryAgents, sendDelivery } from '../../src/webhooks/send.ts'

const OK = 'HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: keep-alive\r\n\r\nok'

/**
 * A receiver at the TCP level, so the test decides what each connection does with each request:
 * `onRequest(connection, request)` answers or resets. It counts the requests each connection
 * reads (a request is counted once its headers and body have arrived).
 */
const rawReceiver = async (onRequest: (socket: Socket, connection: number, request: number) => void) => {
  let connections = 0
  const server = createServer((socket) => {
    const connection = ++connections
    let requests = 0
    let buffered = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      buffered += chunk
      // Each request here is small and whole: headers, a blank line, then content-length bytes.
      for (;;) {
        const end = buffered.indexOf('\r\n\r\n')
        if (end < 0) return
        const length = Number(/content-length: (\d+)/i.exec(buffered.slice(0, end))?.[1] ?? 0)
        if (buffered.length < end + 4 + length) return
        buffered = buffered.slice(end + 4 + length)
        onRequest(socket, connection, ++requests)
      }
    })
    socket.on('error', () => {})
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  after(() => new Promise<void>((resolve) => server.close(() => resolve())))
  const { port } = server.address() as { port: number }
  return { url: new URL(`http://127.0.0.1:${port}/hooks`), connections: () => connections }
}

const deliver = (url: URL, agents: ReturnType<typeof createDeliveryAgents>) =>
  sendDelivery({ ok: true, url, address: '127.0.0.1', family: 4 }, { 'svix-id': 'msg_1' }, '{}', 10_000, agents)

test("a kept-alive connection the receiver dropped is not the delivery's failure: the request goes again on a new connection", async () => {
  // The first connection answers its first request and resets on the second, as a receiver
  // whose keep-alive timeout closed it just as it was reused does; any later connection answers.
  const receiver = await rawReceiver((socket, connection, request) => {
    if (connection === 1 && request === 2) socket.resetAndDestroy()
    else socket.write(OK)
  })
  const agents = createDeliveryAgents()
  after(() => agents.close())
  assert.deepEqual(await deliver(receiver.url, agents).then((r) => r.status), 200)
  const second = await deliver(receiver.url, agents)
  assert.equal(second.status, 200, JSON.stringify(second))
  assert.equal(receiver.connections(), 2)
})

test("a reset on a new connection is the attempt's error, sent once", async () => {
  const receiver = await rawReceiver((socket) => socket.resetAndDestroy())
  const agents = createDeliveryAgents()
  after(() => agents.close())
  const result = await deliver(receiver.url, agents)
  assert.equal(result.status, null)
  assert.match(result.error ?? '', /ECONNRESET|socket hang up/)
  assert.equal(receiver.connections(), 1)
})
