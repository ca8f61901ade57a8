import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { bearer, createWorld, type Response } from '../fixtures/world.ts'

const PAGE = 'http://localhost:5173'

const assertCors = (res: Response, origin = PAGE) => {
  assert.equal(res.headers['access-control-allow-origin'], origin)
  assert.equal(res.headers['access-control-allow-credentials'], 'true')
  assert.match(String(res.headers.vary), /origin/i)
  assert.match(String(res.headers['access-control-expose-headers']), /seam-request-id/)
}

describe('browsers (contract §7)', () => {
  test('a preflight answers 2xx without credentials, with every method and SDK header', async () => {
    const w = await createWorld()
    const res = await w.request({
      method: 'OPTIONS',
      url: '/client_sessions/get',
      headers: {
        origin: PAGE,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,client-session-token,seam-lts-version,seam-sdk-name,content-type',
      },
    })
    assert.equal(res.status, 204)
    assertCors(res)
    assert.equal(res.headers['access-control-allow-methods'], 'GET, POST, PUT, PATCH, DELETE, OPTIONS')
    const allowed = String(res.headers['access-control-allow-headers'])
      .split(',')
      .map((h) => h.trim())
    for (const header of [
      'authorization',
      'content-type',
      'accept',
      'client-session-token',
      'seam-client-session-token',
      'seam-publishable-key',
      'seam-user-identifier-key',
      'seam-workspace',
      'seam-sdk-name',
      'seam-sdk-version',
      'seam-lts-version',
      'user-agent',
    ])
      assert.ok(allowed.includes(header), header)
  })

  test('OPTIONS on any path, preflight or not, answers 204', async () => {
    const w = await createWorld()
    for (const url of ['/client_sessions/create', '/locks/unlock_door', '/not/a/route']) {
      assert.equal((await w.request({ method: 'OPTIONS', url })).status, 204, url)
    }
  })

  test('success, error, 404 and 429 answers all echo the origin with credentials allowed', async () => {
    const w = await createWorld({ rateLimitPerMinute: 3 })
    w.clock.advance(60_000 - (w.clock.now().getTime() % 60_000))
    const headers = { ...w.as.apiKey, origin: PAGE }
    const ok = await w.api('/client_sessions/list', {}, headers)
    assert.equal(ok.status, 200)
    assertCors(ok)
    const unauthorized = await w.api('/client_sessions/list', {}, { ...bearer('seam_cst1abcdefgh_nope'), origin: PAGE })
    assert.equal(unauthorized.status, 401)
    assertCors(unauthorized)
    const missing = await w.request({ method: 'GET', url: '/nope', headers: { origin: PAGE } })
    assert.equal(missing.status, 404)
    assertCors(missing)
    const limited = await w.api('/client_sessions/list', {}, headers)
    assert.equal(limited.status, 429)
    assertCors(limited)
  })

  test('an operator can restrict origins; an origin outside the list gets no CORS headers', async () => {
    const w = await createWorld({ corsOrigins: ['https://app.example.com'] })
    const allowed = await w.api('/client_sessions/list', {}, { ...w.as.apiKey, origin: 'https://app.example.com' })
    assertCors(allowed, 'https://app.example.com')
    const refused = await w.api('/client_sessions/list', {}, { ...w.as.apiKey, origin: PAGE })
    assert.equal(refused.status, 200)
    assert.equal(refused.headers['access-control-allow-origin'], undefined)
    assert.equal(refused.headers['access-control-allow-credentials'], undefined)
    const preflight = await w.request({
      method: 'OPTIONS',
      url: '/client_sessions/list',
      headers: { origin: PAGE, 'access-control-request-method': 'POST' },
    })
    assert.equal(preflight.headers['access-control-allow-origin'], undefined)
  })

  test('Seam Components telemetry: POST /internal/tlmtry answers 204 without credentials, any body', async () => {
    const w = await createWorld()
    for (const [type, payload] of [
      ['application/json', '{"event":"x"}'],
      ['text/plain;charset=UTF-8', 'anything'],
    ] as const) {
      const res = await w.request({ method: 'POST', url: '/internal/tlmtry', headers: { 'content-type': type, origin: PAGE }, payload })
      assert.equal(res.status, 204)
      assertCors(res)
    }
  })
})
