import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { createWorld } from '../fixtures/world.ts'

const ROUTE_METHODS: Record<string, string[]> = {
  '/client_sessions/create': ['POST', 'PUT'],
  '/client_sessions/get': ['GET', 'POST'],
  '/client_sessions/get_or_create': ['POST', 'PUT'],
  '/client_sessions/list': ['GET', 'POST'],
  '/client_sessions/grant_access': ['PATCH', 'POST'],
  '/client_sessions/revoke': ['POST'],
  '/client_sessions/delete': ['DELETE', 'POST'],
}
// OPTIONS is the browser's preflight on every path (test/http/cors.test.ts).
const ALL = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const

const isUuid = (value: unknown) => typeof value === 'string' && /^[0-9a-f-]{36}$/.test(value)

describe('wire conventions (contract §1)', () => {
  test('every other method answers 405 method_not_allowed in the envelope', async () => {
    const w = await createWorld()
    for (const [url, allowed] of Object.entries(ROUTE_METHODS)) {
      for (const method of ALL.filter((m) => !allowed.includes(m))) {
        const res = await w.request({ method, url, headers: w.as.apiKey })
        assert.equal(res.status, 405, `${method} ${url}`)
        if (method !== 'HEAD') {
          assert.equal(res.body.error.type, 'method_not_allowed')
          assert.equal(res.body.ok, false)
        }
      }
    }
  })

  test('unknown paths answer 404 not_found, including /api/-prefixed ones', async () => {
    const w = await createWorld()
    for (const url of ['/nope', '/api/client_sessions/create', '/client_sessions']) {
      const res = await w.request({ method: 'POST', url, headers: w.as.apiKey })
      assert.equal(res.status, 404)
      assert.equal(res.body.error.type, 'not_found')
      assert.match(String(res.headers['content-type']), /^application\/json/)
    }
  })

  test('every response carries seam-request-id, equal to error.request_id', async () => {
    const w = await createWorld()
    const ok = await w.api('/client_sessions/list')
    assert.ok(isUuid(ok.headers['seam-request-id']))
    const err = await w.api('/client_sessions/get', { client_session_id: 'not-a-uuid' })
    assert.equal(err.status, 400)
    assert.equal(err.body.error.request_id, err.headers['seam-request-id'])
    const missing = await w.request({ method: 'GET', url: '/missing' })
    assert.equal(missing.body.error.request_id, missing.headers['seam-request-id'])
  })

  test('an empty body is {} whatever its content type (SDK v1 form-encoded calls)', async () => {
    const w = await createWorld()
    for (const contentType of ['application/x-www-form-urlencoded', 'application/json', 'text/plain', undefined]) {
      const res = await w.request({
        method: 'POST',
        url: '/client_sessions/create',
        payload: '',
        headers: { ...w.as.apiKey, ...(contentType === undefined ? {} : { 'content-type': contentType }) },
      })
      assert.equal(res.status, 200, String(contentType))
      assert.equal(res.body.ok, true)
      assert.equal(res.body.client_session.user_identifier_key, null)
    }
  })

  test('a non-empty non-JSON body answers 400 invalid_content_type and changes nothing', async () => {
    const w = await createWorld()
    const res = await w.request({
      method: 'POST',
      url: '/client_sessions/create',
      payload: 'user_identifier_key=jane',
      headers: { ...w.as.apiKey, 'content-type': 'application/x-www-form-urlencoded' },
    })
    assert.equal(res.status, 400)
    assert.equal(res.body.error.type, 'invalid_content_type')
    const list = await w.api('/client_sessions/list')
    assert.equal(list.body.client_sessions.length, 0)
  })

  test('malformed JSON answers 400 invalid_input', async () => {
    const w = await createWorld()
    const res = await w.request({
      method: 'POST',
      url: '/client_sessions/create',
      payload: '{"user_identifier_key": ',
      headers: { ...w.as.apiKey, 'content-type': 'application/json' },
    })
    assert.equal(res.status, 400)
    assert.equal(res.body.error.type, 'invalid_input')
  })

  test('a JSON body that is not an object answers invalid_input', async () => {
    const w = await createWorld()
    for (const payload of ['[1,2]', '"text"', '42']) {
      const res = await w.request({
        method: 'POST',
        url: '/client_sessions/create',
        payload,
        headers: { ...w.as.apiKey, 'content-type': 'application/json' },
      })
      assert.equal(res.status, 400, payload)
      assert.equal(res.body.error.type, 'invalid_input')
    }
  })

  test('invalid_input carries validation_errors in zod format() shape', async () => {
    const w = await createWorld()
    const res = await w.api('/client_sessions/create', { user_identifier_key: '' })
    assert.equal(res.status, 400)
    assert.equal(res.body.error.type, 'invalid_input')
    assert.deepEqual(res.body.error.validation_errors._errors, [])
    assert.ok(res.body.error.validation_errors.user_identifier_key._errors.length > 0)
  })

  test('a body over the limit answers 413 payload_too_large', async () => {
    const w = await createWorld()
    const res = await w.api('/client_sessions/create', { user_identifier_key: 'x', padding: 'a'.repeat(2 * 1024 * 1024) })
    assert.equal(res.status, 413)
    assert.equal(res.body.error.type, 'payload_too_large')
  })

  test('GET reads the query string, with true/false booleans and numbers', async () => {
    const w = await createWorld()
    await w.session({ user_identifier_key: 'jane' })
    await w.session({})
    const res = await w.request({
      method: 'GET',
      url: '/client_sessions/list?without_user_identifier_key=true&limit=5',
      headers: w.as.apiKey,
    })
    assert.equal(res.status, 200)
    assert.equal(res.body.client_sessions.length, 1)
    assert.equal(res.body.client_sessions[0].user_identifier_key, null)
    const bad = await w.request({ method: 'GET', url: '/client_sessions/list?limit=many', headers: w.as.apiKey })
    assert.equal(bad.status, 400)
    assert.equal(bad.body.error.type, 'invalid_input')
  })

  test('unknown parameters are ignored', async () => {
    const w = await createWorld()
    const res = await w.api('/client_sessions/create', { user_identifier_key: 'jane', something_else: 1 })
    assert.equal(res.status, 200)
  })

  test('timestamps are ISO 8601 UTC with milliseconds and ids are UUIDs', async () => {
    const w = await createWorld()
    const s = await w.session({ user_identifier_key: 'jane' })
    assert.match(s.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    assert.match(s.expires_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    assert.ok(isUuid(s.client_session_id) && isUuid(s.workspace_id))
  })

  test('GET /health answers 200 while the store answers', async () => {
    const w = await createWorld()
    const res = await w.request({ method: 'GET', url: '/health' })
    assert.equal(res.status, 200)
    assert.equal(res.body.ok, true)
  })

  test('GET /openapi.json describes every route and method from the schemas', async () => {
    const w = await createWorld()
    const res = await w.request({ method: 'GET', url: '/openapi.json' })
    assert.equal(res.status, 200)
    assert.equal(res.body.openapi, '3.0.3')
    for (const [path, methods] of Object.entries(ROUTE_METHODS)) {
      assert.deepEqual(Object.keys(res.body.paths[path]).sort(), methods.map((m) => m.toLowerCase()).sort(), path)
    }
    const create = res.body.paths['/client_sessions/create'].post
    assert.ok(create.requestBody.content['application/json'].schema.properties.user_identifier_key)
    assert.ok(create.responses['200'].content['application/json'].schema.properties.client_session)
    const listGet = res.body.paths['/client_sessions/list'].get
    assert.ok(listGet.parameters.some((p: { name: string }) => p.name === 'limit'))
  })
})
