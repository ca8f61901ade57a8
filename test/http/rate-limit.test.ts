import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { createWorld } from '../fixtures/world.ts'

describe('rate limiting (contract §6)', () => {
  test('over the per-minute limit: 429 rate_limited with Retry-After; the next window serves again', async () => {
    const w = await createWorld({ rateLimitPerMinute: 3 })
    w.clock.advance(60_000 - (w.clock.now().getTime() % 60_000)) // start of a window
    w.clock.advance(15_000)
    for (let i = 0; i < 3; i++) assert.equal((await w.api('/client_sessions/list')).status, 200)
    const limited = await w.api('/client_sessions/create', { user_identifier_key: 'x' })
    assert.equal(limited.status, 429)
    assert.equal(limited.body.error.type, 'rate_limited')
    assert.equal(limited.headers['retry-after'], '45')
    assert.equal(limited.body.error.request_id, limited.headers['seam-request-id'])
    // A limited request changes nothing.
    assert.equal((await w.api('/client_sessions/get', { user_identifier_key: 'x' })).status, 429)
    // Health stays reachable.
    assert.equal((await w.request({ method: 'GET', url: '/health' })).status, 200)
    w.clock.advance(45_000)
    assert.equal((await w.api('/client_sessions/get', { user_identifier_key: 'x' })).status, 404)
  })

  test('off by default', async () => {
    const w = await createWorld()
    const results = await Promise.all(Array.from({ length: 200 }, () => w.api('/client_sessions/list')))
    assert.ok(results.every((r) => r.status === 200))
  })
})
