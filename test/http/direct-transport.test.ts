import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { connect, type AddressInfo } from 'node:net'
import { describe, test } from 'node:test'

import type { InjectOptions } from 'fastify'
import type { DestinationStream } from 'pino'

import { createApp, type TrustProxy } from '../../src/app.ts'
import { createTokenCipher } from '../../src/auth/token-cipher.ts'
import { DEFAULT_CONFIG } from '../../src/domain/context.ts'
import { bearer, createWorld, type Response, serverRequest, type World } from '../fixtures/world.ts'

// The same cipher key as the world's, so both apps read the same stored tokens.
const CIPHER_KEY = Buffer.alloc(32, 7)
const PAGE = 'http://localhost:5173'

/** A second app on the world's store that sends every request through Fastify. */
const fastifyOnly = (w: World, corsOrigins: string[] | null = null, more: { trustProxy?: TrustProxy; logStream?: DestinationStream } = {}) => {
  const app = createApp({
    store: w.store,
    clock: w.clock,
    config: { ...DEFAULT_CONFIG, corsOrigins },
    tokenCipher: createTokenCipher(CIPHER_KEY),
    directPath: false,
    ...more,
  })
  return app
}

const rawRequest = (port: number, text: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text))
    let received = ''
    socket.on('data', (chunk) => (received += chunk.toString()))
    socket.on('end', () => resolve(received))
    socket.on('error', reject)
  })

/** What may differ between two answers to the same request: the request id and the date. */
const comparable = (res: Response) => {
  const requestId = String(res.headers['seam-request-id'])
  const headers = Object.fromEntries(Object.entries(res.headers).filter(([name]) => name !== 'seam-request-id' && name !== 'date'))
  return { status: res.status, headers, text: res.text.replaceAll(requestId, '<request id>') }
}

const sessionWithAccess = async (w: World) => {
  const accountId = await w.seedAccount(w.ws.workspace_id, 2)
  return w.session({ user_identifier_key: 'direct-user', connected_account_ids: [accountId] })
}

describe('API calls answered in front of Fastify', () => {
  test('answer exactly as Fastify does: status, every header and the body, success or error', async () => {
    const w = await createWorld()
    const session = await sessionWithAccess(w)
    const webviewId = await w.seedWebview(w.ws.workspace_id)
    const plain = fastifyOnly(w)
    const cst = w.as.cst(session.token)
    const requests: InjectOptions[] = [
      { method: 'GET', url: '/client_sessions/get', headers: cst },
      { method: 'GET', url: '/client_sessions/get', headers: { ...cst, origin: PAGE } },
      { method: 'GET', url: `/client_sessions/get?client_session_id=${session.client_session_id}`, headers: cst },
      { method: 'GET', url: '/client_sessions/get?user_identifier_key=direct-user', headers: w.as.apiKey },
      { method: 'GET', url: '/client_sessions/get?user_identifier_key=nobody', headers: w.as.apiKey },
      { method: 'GET', url: '/client_sessions/get?client_session_id=not-a-uuid', headers: w.as.apiKey },
      { method: 'GET', url: '/client_sessions/get', headers: bearer('seam_cst1doesnotexist_abcdefghijklmnop') },
      { method: 'GET', url: '/client_sessions/get', headers: { origin: PAGE } },
      { method: 'GET', url: '/client_sessions/list', headers: w.as.apiKey },
      { method: 'GET', url: '/devices/list', headers: { ...cst, origin: PAGE } },
      { method: 'GET', url: '/devices/list?limit=1', headers: cst },
      { method: 'GET', url: '/connected_accounts/list', headers: cst },
      { method: 'GET', url: `/connect_webviews/get?connect_webview_id=${webviewId}`, headers: { ...w.as.apiKey, host: 'locks.example:8080' } },
      { method: 'GET', url: '/workspaces/get', headers: w.as.apiKey },
      // As the SDKs call: POST with a JSON body.
      { method: 'POST', url: '/client_sessions/get', headers: { ...cst, 'content-type': 'application/json' }, payload: '{}' },
      { method: 'POST', url: '/client_sessions/get', headers: { ...w.as.apiKey, 'content-type': 'application/json; charset=utf-8' }, payload: '{"user_identifier_key":"direct-user"}' },
      { method: 'POST', url: '/client_sessions/get', headers: cst },
      { method: 'POST', url: '/client_sessions/get', headers: { ...cst, 'content-type': 'application/json' }, payload: '{"client_session_id":' },
      { method: 'POST', url: '/client_sessions/get', headers: { ...cst, 'content-type': 'application/json' }, payload: '[1]' },
      { method: 'POST', url: '/client_sessions/get', headers: { ...cst, 'content-type': 'application/json' }, payload: '' },
      { method: 'POST', url: '/client_sessions/get', headers: { ...cst, 'content-type': 'application/x-www-form-urlencoded' }, payload: '' },
      { method: 'POST', url: '/client_sessions/get', headers: { ...cst, 'content-type': 'text/plain' }, payload: 'hello' },
      { method: 'POST', url: '/client_sessions/get', headers: { ...cst, 'content-type': 'application/json' }, payload: 'x'.repeat(2 * 1024 * 1024) },
      { method: 'POST', url: '/client_sessions/get_or_create', headers: { ...w.as.apiKey, 'content-type': 'application/json' }, payload: '{"user_identifier_key":"direct-user"}' },
      { method: 'POST', url: '/devices/list', headers: { ...cst, 'content-type': 'application/json', origin: PAGE }, payload: '{}' },
      { method: 'POST', url: '/devices/list', headers: { ...cst, 'content-type': 'application/json' }, payload: '{"limit":"many"}' },
      { method: 'PUT', url: '/client_sessions/revoke', headers: { ...w.as.apiKey, 'content-type': 'application/json' }, payload: '{}' },
      { method: 'DELETE', url: `/client_sessions/delete?client_session_id=${randomUUID()}`, headers: w.as.apiKey },
    ]
    for (const request of requests) {
      const direct = await w.request(request)
      const through = await serverRequest(plain, request)
      assert.deepEqual(comparable(direct), comparable(through), `${JSON.stringify(request.url)} ${JSON.stringify(request.headers)}`)
    }
    await plain.close()
  })

  test('a client session token reading its own session: every outcome as Fastify answers it', async () => {
    // On SQLite this read is answered synchronously, on PostgreSQL after the database answers:
    // each refusal must still be the same envelope, status and headers as the generic path's.
    const w = await createWorld()
    const plain = fastifyOnly(w)
    const live = await w.session({ user_identifier_key: 'live-user' })
    const revoked = await w.session({ user_identifier_key: 'revoked-user' })
    await w.api('/client_sessions/revoke', { client_session_id: revoked.client_session_id })
    const expiring = await w.session({ user_identifier_key: 'expiring-user', expires_at: new Date(w.clock.now().getTime() + 60_000).toISOString() })
    const read = (token: string): InjectOptions => ({ method: 'GET', url: '/client_sessions/get', headers: { ...bearer(token), origin: PAGE } })
    const outcomes = async () => {
      const seen: string[] = []
      for (const token of [live.token, revoked.token, expiring.token, 'seam_cst_malformed', `${live.token.slice(0, -4)}xxxx`]) {
        const direct = await w.request(read(token))
        assert.deepEqual(comparable(direct), comparable(await serverRequest(plain, read(token))), token)
        seen.push(direct.status === 200 ? 'ok' : direct.body.error.type)
      }
      return seen
    }
    assert.deepEqual(await outcomes(), ['ok', 'client_session_revoked', 'ok', 'invalid_client_session_token', 'client_session_not_found'])
    w.clock.advance(60_001)
    assert.deepEqual(await outcomes(), ['ok', 'client_session_revoked', 'client_session_expired', 'invalid_client_session_token', 'client_session_not_found'])
    await plain.close()
  })

  test('behind a proxy, believe forwarded headers exactly as Fastify does, under every form of trust', async () => {
    const forwarded: Record<string, string>[] = [
      { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'locks.example.com' },
      // Two proxies deep, and headers repeated by a chain: the last values count.
      { 'x-forwarded-for': '198.51.100.1, 10.1.2.3', 'x-forwarded-proto': 'http, https', 'x-forwarded-host': 'a.example, b.example' },
      { 'x-forwarded-for': '203.0.113.8' },
      {},
    ]
    // The test requests come from 127.0.0.1: believed by all of these but the 10.0.0.0/8 list and false.
    const trusts: TrustProxy[] = [true, 1, 2, '127.0.0.1', ['10.0.0.0/8'], ['127.0.0.0/8', '10.0.0.0/8'], false]
    for (const trustProxy of trusts) {
      const directLines: string[] = []
      const fastifyLines: string[] = []
      const w = await createWorld({ trustProxy, logStream: { write: (line: string) => directLines.push(line) } })
      const plain = fastifyOnly(w, null, { trustProxy, logStream: { write: (line: string) => fastifyLines.push(line) } })
      const webviewId = await w.seedWebview(w.ws.workspace_id)
      const seen: string[] = []
      w.app.addHook('onRequest', (request, _reply, done) => {
        seen.push(request.url)
        done()
      })
      for (const headers of forwarded) {
        const request: InjectOptions = { method: 'GET', url: `/connect_webviews/get?connect_webview_id=${webviewId}`, headers: { ...w.as.apiKey, host: 'internal:4000', ...headers } }
        const direct = await w.request(request)
        const through = await serverRequest(plain, request)
        const where = `${JSON.stringify(trustProxy)} ${JSON.stringify(headers)}`
        assert.equal(direct.status, 200, where)
        assert.deepEqual(comparable(direct), comparable(through), where)
        const directLine = JSON.parse(directLines.at(-1) ?? '{}')
        const fastifyLine = JSON.parse(fastifyLines.at(-1) ?? '{}')
        assert.equal(directLine.client_address, fastifyLine.client_address, where)
        assert.ok(typeof directLine.client_address === 'string', where)
      }
      assert.deepEqual(seen, [], 'answered in front of Fastify')
      // Not vacuous: a believed proxy changes what the client sees, an unbelieved one does not.
      const first = await w.request({ method: 'GET', url: `/connect_webviews/get?connect_webview_id=${webviewId}`, headers: { ...w.as.apiKey, host: 'internal:4000', ...forwarded[0] } })
      const believed = trustProxy !== false && JSON.stringify(trustProxy) !== '["10.0.0.0/8"]'
      assert.match(first.body.connect_webview.url, believed ? /^https:\/\/locks\.example\.com\// : /^http:\/\/internal:4000\//, JSON.stringify(trustProxy))
      assert.equal(JSON.parse(directLines.at(-1) ?? '{}').client_address, believed ? '203.0.113.7' : '127.0.0.1', JSON.stringify(trustProxy))
      await plain.close()
    }
  })

  test('with a list of allowed origins, an origin outside it gets no CORS headers either way', async () => {
    const allowed = ['https://app.example']
    const w = await createWorld({ corsOrigins: allowed })
    const session = await w.session()
    const plain = fastifyOnly(w, allowed)
    for (const origin of ['https://app.example', 'https://evil.example', undefined]) {
      const request: InjectOptions = { method: 'GET', url: '/client_sessions/get', headers: { ...w.as.cst(session.token), ...(origin === undefined ? {} : { origin }) } }
      const direct = await w.request(request)
      assert.deepEqual(comparable(direct), comparable(await serverRequest(plain, request)), String(origin))
      assert.equal(direct.headers['access-control-allow-origin'], origin === 'https://evil.example' ? undefined : origin)
    }
    await plain.close()
  })

  test('a write answered directly is the write Fastify would make', async () => {
    const w = await createWorld()
    const plain = fastifyOnly(w)
    const body = { user_identifier_key: 'written-directly' }
    const created = await w.request({ method: 'PUT', url: '/client_sessions/create', headers: { ...w.as.apiKey, 'content-type': 'application/json' }, payload: JSON.stringify(body) })
    assert.equal(created.status, 200)
    const again = { method: 'PUT', url: '/client_sessions/create', headers: { ...w.as.apiKey, 'content-type': 'application/json' }, payload: JSON.stringify(body) } as const
    // PUT is idempotent: both ways now return the session the direct path stored.
    assert.deepEqual(comparable(await w.request(again)), comparable(await serverRequest(plain, again)))
    assert.equal((await serverRequest(plain, again)).body.client_session.client_session_id, created.body.client_session.client_session_id)
    const revoked = await w.request({ method: 'POST', url: '/client_sessions/revoke', headers: { ...w.as.apiKey, 'content-type': 'application/json' }, payload: JSON.stringify({ client_session_id: created.body.client_session.client_session_id }) })
    assert.equal(revoked.status, 200)
    const refused = { method: 'GET', url: '/client_sessions/get', headers: w.as.cst(created.body.client_session.token) } as const
    assert.equal((await w.request(refused)).status, 401)
    assert.deepEqual(comparable(await w.request(refused)), comparable(await serverRequest(plain, refused)))
    await plain.close()
  })

  test('take calls to API routes only, in the forms the SDKs send; everything else reaches Fastify', async () => {
    const w = await createWorld()
    // A hook added before the first request runs for every request Fastify handles.
    const seen: string[] = []
    w.app.addHook('onRequest', (request, _reply, done) => {
      seen.push(`${request.method} ${request.url}`)
      done()
    })
    const session = await w.session()
    seen.length = 0
    const cst = w.as.cst(session.token)
    const direct = await w.request({ method: 'GET', url: '/client_sessions/get', headers: cst })
    assert.equal(direct.status, 200)
    assert.equal(direct.body.client_session.token, session.token)
    const queried = await w.request({ method: 'GET', url: '/devices/list?limit=5', headers: cst })
    assert.equal(queried.status, 200)
    const posted = await w.request({ method: 'POST', url: '/devices/list', headers: { ...cst, 'content-type': 'application/json' }, payload: '{}' })
    assert.equal(posted.status, 200)
    assert.deepEqual(seen, [])

    const toFastify: InjectOptions[] = [
      { method: 'POST', url: '/client_sessions/get?x=1', headers: { ...cst, 'content-type': 'application/json' }, payload: '{}' },
      { method: 'POST', url: '/client_sessions/get', headers: { ...cst, 'content-type': 'application/vnd.api+json' }, payload: '{}' },
      { method: 'POST', url: '/client_sessions/get', headers: { ...cst, 'content-type': 'application/json' }, payload: 'x'.repeat(2 * 1024 * 1024) },
      { method: 'DELETE', url: '/client_sessions/delete?client_session_id=x', headers: cst },
      { method: 'PATCH', url: '/client_sessions/get', headers: { ...cst, 'content-type': 'application/json' }, payload: '{}' },
      { method: 'GET', url: '/client_sessions/get/', headers: cst },
      { method: 'GET', url: '/client_sessions/get', headers: { ...cst, 'content-type': 'application/json', 'content-length': '2' }, payload: '{}' },
      { method: 'GET', url: '/health' },
      { method: 'GET', url: '/no/such/route', headers: cst },
      { method: 'HEAD', url: '/client_sessions/get', headers: cst },
    ]
    for (const request of toFastify) await w.request(request)
    assert.deepEqual(
      seen,
      toFastify.map((request) => `${request.method} ${request.url as string}`),
    )

    // A fragment in the request target (only a raw client sends one) is Fastify's to strip.
    await w.app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = w.app.server.address() as AddressInfo
    const answer = await rawRequest(port, `GET /client_sessions/get#top HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer ${session.token}\r\nconnection: close\r\n\r\n`)
    assert.match(answer, /^HTTP\/1.1 200 /)
    assert.equal(seen.at(-1), 'GET /client_sessions/get#top')
  })

  test('a client that leaves in the middle of its body costs nothing but its own request', async () => {
    const w = await createWorld()
    const session = await w.session()
    await w.app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = w.app.server.address() as AddressInfo
    await new Promise<void>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`POST /client_sessions/get HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer ${session.token}\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"user_`)
        setTimeout(() => {
          socket.destroy()
          resolve()
        }, 50)
      })
      socket.on('error', reject)
    })
    const after = await fetch(`http://127.0.0.1:${port}/client_sessions/get`, { method: 'POST', headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' }, body: '{}' })
    assert.equal(after.status, 200)
  })


  test('a body that arrives in pieces after its headers is read whole, like one sent with them', async () => {
    const w = await createWorld()
    const session = await w.session({ user_identifier_key: 'pieces-user' })
    await w.app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = w.app.server.address() as AddressInfo
    const body = JSON.stringify({ user_identifier_key: 'pieces-user' })
    const head = `POST /client_sessions/get HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\nauthorization: Bearer ${w.ws.api_key}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`
    const pause = () => new Promise((resolve) => setTimeout(resolve, 30))
    const answer = await new Promise<string>((resolve, reject) => {
      let received = ''
      const socket = connect(port, '127.0.0.1', () => {
        socket.setNoDelay(true)
        socket.write(head)
        void pause()
          .then(() => socket.write(body.slice(0, 10)))
          .then(pause)
          .then(() => socket.write(body.slice(10)))
          .catch(reject)
      })
      socket.on('data', (chunk) => (received += chunk.toString()))
      socket.on('end', () => resolve(received))
      socket.on('error', reject)
    })
    assert.match(answer, /^HTTP\/1.1 200 /)
    assert.equal(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)).client_session.client_session_id, session.client_session_id)
  })
  test('requests arriving together are each answered with their own answer, request id and log line', async () => {
    const lines: string[] = []
    const w = await createWorld({ logStream: { write: (line: string) => lines.push(line) } })
    const sessions = await Promise.all(Array.from({ length: 40 }, (_, i) => w.session({ user_identifier_key: `together-${i}` })))
    await w.app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = w.app.server.address() as AddressInfo
    lines.length = 0
    // Many connections at once, so one pass of the event loop reads several of them and their
    // answers are written together.
    const answers = await Promise.all(
      sessions.map(async (session, i) => {
        const res = await fetch(`http://127.0.0.1:${port}/client_sessions/${i % 2 === 0 ? 'get' : 'get_or_create'}`, {
          method: i % 2 === 0 ? 'GET' : 'POST',
          headers: i % 2 === 0 ? bearer(session.token) : { ...bearer(w.ws.api_key), 'content-type': 'application/json' },
          ...(i % 2 === 0 ? {} : { body: JSON.stringify({ user_identifier_key: `together-${i}` }) }),
        })
        return { status: res.status, requestId: res.headers.get('seam-request-id'), body: (await res.json()) as { client_session: { client_session_id: string } } }
      }),
    )
    answers.forEach((answer, i) => {
      assert.equal(answer.status, 200)
      assert.equal(answer.body.client_session.client_session_id, sessions[i].client_session_id)
    })
    const logged = lines.map((line) => JSON.parse(line) as { request_id: string; status: number })
    assert.deepEqual(new Set(logged.map((line) => line.request_id)), new Set(answers.map((answer) => answer.requestId)))
    assert.ok(logged.every((line) => line.status === 200))
  })

  test('record their requests like any other: one log line and one count each', async () => {
    const lines: string[] = []
    const w = await createWorld({ logStream: { write: (line: string) => lines.push(line) } })
    const session = await w.session()
    lines.length = 0
    const ok = await w.request({ method: 'GET', url: '/client_sessions/get', headers: { ...w.as.cst(session.token), origin: PAGE } })
    const refused = await w.request({ method: 'GET', url: '/client_sessions/get', headers: bearer('seam_cst1doesnotexist_abcdefghijklmnop') })
    const logged = lines.map((line) => JSON.parse(line))
    assert.equal(logged.length, 2)
    assert.deepEqual(
      { ...logged[0], time: 0, duration_ms: 0, pid: 0, hostname: '' },
      {
        level: 30, time: 0, pid: 0, hostname: '', request_id: ok.headers['seam-request-id'], method: 'GET', route: '/client_sessions/get',
        status: 200, duration_ms: 0, error_type: null, workspace_id: w.ws.workspace_id, credential: 'client_session_token',
        client_address: '127.0.0.1', msg: 'request',
      },
    )
    assert.equal(logged[1].request_id, refused.headers['seam-request-id'])
    assert.ok(refused.status >= 400)
    assert.equal(logged[1].status, refused.status)
    assert.equal(logged[1].error_type, refused.body.error.type)
    const metrics = await w.request({ method: 'GET', url: '/metrics' })
    assert.match(metrics.text, /latchkey_http_requests_total\{route="\/client_sessions\/get",method="GET",status="200"\} 1\n/)
    assert.ok(metrics.text.includes(`latchkey_http_requests_total{route="/client_sessions/get",method="GET",status="${refused.status}"} 1\n`))
  })
})
