import assert from 'node:assert/strict'
import { connect } from 'node:net'
import { describe, test } from 'node:test'

import { createWorld, type World } from '../fixtures/world.ts'

/** Sends raw bytes and reads the whole answer (the server closes after it). */
const raw = (port: number, bytes: string) =>
  new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes))
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk.toString()))
    socket.on('end', () => resolve(answer))
    socket.on('error', reject)
  })

interface RawAnswer {
  status: number
  headers: Record<string, string>
  body: { ok?: boolean; error?: { type: string; message: string; request_id: string; validation_errors?: unknown } } | null
}

const parse = (answer: string): RawAnswer => {
  const [head = '', text = ''] = answer.split('\r\n\r\n', 2)
  const [statusLine = '', ...lines] = head.split('\r\n')
  const headers = Object.fromEntries(
    lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
  )
  return { status: Number(statusLine.split(' ')[1]), headers, body: text === '' ? null : (JSON.parse(text) as RawAnswer['body']) }
}

const listening = async (w: World) => {
  await w.app.listen({ host: '127.0.0.1', port: 0 })
  return (w.app.server.address() as { port: number }).port
}

const assertEnvelope = (answer: RawAnswer, status: number, type: string) => {
  assert.equal(answer.status, status, JSON.stringify(answer.body))
  assert.match(answer.headers['content-type'] ?? '', /^application\/json/)
  assert.equal(answer.body?.ok, false)
  assert.equal(answer.body?.error?.type, type)
  assert.equal(answer.body?.error?.request_id, answer.headers['seam-request-id'])
}

describe('hostile but ordinary input', () => {
  test('query parameters named like object members are unknown parameters, never a 500', async () => {
    const w = await createWorld()
    await w.session({ user_identifier_key: 'jane' })
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype']) {
      const anonymous = await w.request({ method: 'GET', url: `/client_sessions/list?${name}=x` })
      assert.equal(anonymous.status, 401, `${name} without credentials: ${anonymous.text}`)
      assert.equal(anonymous.body.error.type, 'unauthorized')
      const listed = await w.request({ method: 'GET', url: `/client_sessions/list?${name}=x&${name}=y`, headers: w.as.apiKey })
      assert.equal(listed.status, 200, `${name} with an API key: ${listed.text}`)
      assert.equal(listed.body.client_sessions.length, 1)
    }
  })

  test('a NUL character or a lone surrogate in any string parameter is a 400 naming the field, and stores nothing', async () => {
    const w = await createWorld()
    const port = await listening(w)
    // Raw JSON text: a JavaScript string with a lone surrogate would not survive being encoded.
    const post = (path: string, json: string, headers: Record<string, string> = w.as.apiKey) =>
      raw(
        port,
        `POST ${path} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(json)}\r\nconnection: close\r\n` +
          Object.entries(headers)
            .map(([k, v]) => `${k}: ${v}\r\n`)
            .join('') +
          `\r\n${json}`,
      ).then(parse)
    const cases: [string, string, string, Record<string, string>?][] = [
      ['/client_sessions/create', '{"user_identifier_key":"a\\u0000b"}', 'user_identifier_key'],
      ['/client_sessions/create', '{"user_identifier_key":"\\ud800x"}', 'user_identifier_key'],
      ['/client_sessions/create', '{"user_identifier_key":"x\\udc00"}', 'user_identifier_key'],
      ['/client_sessions/get_or_create', '{"user_identifier_key":"evil\\u0000"}', 'user_identifier_key'],
      ['/client_sessions/get_or_create', '{"user_identifier_key":"evil\\u0000"}', 'user_identifier_key', w.as.publishable()],
      ['/client_sessions/get', '{"user_identifier_key":"\\ud800"}', 'user_identifier_key'],
      ['/client_sessions/list', '{"user_identifier_key":"a\\u0000"}', 'user_identifier_key'],
      ['/client_sessions/create', '{"connected_account_ids":["\\u0000"]}', 'connected_account_ids.0'],
      ['/client_sessions/create', '{"user_identifier_key":"ok","unknown\\u0000":"x"}', 'unknown\u0000'],
    ]
    for (const [path, json, field, headers] of cases) {
      const answer = await post(path, json, headers)
      assertEnvelope(answer, 400, 'invalid_input')
      assert.ok(answer.body?.error?.message.startsWith(`${field}: `), `${path} ${json}: ${answer.body?.error?.message}`)
    }
    const query = await raw(
      port,
      `GET /client_sessions/list?user_identifier_key=%00 HTTP/1.1\r\nhost: x\r\nauthorization: ${w.as.apiKey.authorization}\r\nconnection: close\r\n\r\n`,
    )
    assertEnvelope(parse(query), 400, 'invalid_input')
    // Text outside the BMP, written as a proper surrogate pair, is stored and found byte for byte.
    const pair = await post('/client_sessions/create', '{"user_identifier_key":"lock \\ud83d\\udd12"}')
    assert.equal(pair.status, 200)
    const found = await w.api('/client_sessions/get', { user_identifier_key: 'lock 🔒' })
    assert.equal(found.status, 200)
    assert.equal(found.body.client_session.user_identifier_key, 'lock 🔒')
    const listed = await w.api('/client_sessions/list')
    assert.deepEqual(
      listed.body.client_sessions.map((s: { user_identifier_key: string }) => s.user_identifier_key),
      ['lock 🔒'],
      'only the valid create stored anything',
    )
  })

  test('a JSON body that is not an object (null, an array, a number, a string) is a 400 and creates nothing', async () => {
    const w = await createWorld()
    for (const payload of ['null', '[]', '1', '"jane"', 'true']) {
      const res = await w.request({
        method: 'POST',
        url: '/client_sessions/create',
        headers: { ...w.as.apiKey, 'content-type': 'application/json' },
        payload,
      })
      assert.equal(res.status, 400, `${payload}: ${res.text}`)
      assert.equal(res.body.error.type, 'invalid_input')
    }
    assert.deepEqual((await w.api('/client_sessions/list')).body.client_sessions, [])
  })

  test('URLs the router cannot read, 414, 417 and a missing Host are answered in the envelope', async () => {
    const w = await createWorld()
    const port = await listening(w)
    for (const path of ['/%', '/%c0%ae%c0%ae/etc/passwd', '/client_sessions/%zz']) {
      assertEnvelope(parse(await raw(port, `GET ${path} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n`)), 400, 'invalid_input')
    }
    const long = parse(await raw(port, `GET /connect_webviews/view/${'a'.repeat(5000)} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n`))
    assertEnvelope(long, 414, 'uri_too_long')
    const expect = parse(
      await raw(
        port,
        `POST /client_sessions/list HTTP/1.1\r\nhost: x\r\nexpect: banana\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}`,
      ),
    )
    assertEnvelope(expect, 417, 'expectation_failed')
    const noHost = parse(await raw(port, `GET /client_sessions/list HTTP/1.1\r\nconnection: close\r\n\r\n`))
    assertEnvelope(noHost, 400, 'invalid_input')
    assert.match(noHost.body?.error?.message ?? '', /Host/)
    // HTTP/1.0 needs no Host, and 100-continue still works.
    assert.equal(parse(await raw(port, `GET /health HTTP/1.0\r\n\r\n`)).status, 200)
    const continued = await raw(
      port,
      `POST /client_sessions/list HTTP/1.1\r\nhost: x\r\nexpect: 100-continue\r\nauthorization: ${w.as.apiKey.authorization}\r\ncontent-type: application/json\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}`,
    )
    assert.match(continued, /HTTP\/1\.1 200 OK/)
  })

  test('a preflight from an origin outside --cors-origins answers 204 without CORS headers', async () => {
    const w = await createWorld({ corsOrigins: ['https://app.example'] })
    const preflight = (origin: string) =>
      w.request({
        method: 'OPTIONS',
        url: '/client_sessions/get',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
      })
    const refused = await preflight('https://evil.example')
    assert.equal(refused.status, 204, refused.text)
    assert.equal(refused.text, '')
    for (const name of Object.keys(refused.headers)) assert.doesNotMatch(name, /^access-control-/, `refused preflight carries ${name}`)
    const allowed = await preflight('https://app.example')
    assert.equal(allowed.status, 204)
    assert.equal(allowed.headers['access-control-allow-origin'], 'https://app.example')
    // A path that does not exist is still a preflight, and other methods still get 404.
    assert.equal((await w.request({ method: 'OPTIONS', url: '/nowhere', headers: { origin: 'https://evil.example' } })).status, 204)
    assert.equal((await w.request({ method: 'GET', url: '/nowhere' })).status, 404)
  })
})
