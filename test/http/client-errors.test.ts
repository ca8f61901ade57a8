import assert from 'node:assert/strict'
import { connect } from 'node:net'
import { describe, test } from 'node:test'

import BetterSqlite3 from 'better-sqlite3'

import { createTokenCipher } from '../../src/auth/token-cipher.ts'
import { mintCredential } from '../../src/auth/tokens.ts'
import { createApp } from '../../src/app.ts'
import { DEFAULT_CONFIG } from '../../src/domain/context.ts'
import { provisionWorkspace } from '../../src/domain/provisioning.ts'
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.ts'
import { ManualClock } from '../fixtures/clock.ts'
import { openSharedDatabase } from '../fixtures/shared-database.ts'
import { STORE_KIND } from '../fixtures/stores.ts'
import { createWorld, serverRequest } from '../fixtures/world.ts'

/** Sends raw bytes and reads the whole answer: what Node's HTTP parser does with them is the point. */
const raw = (port: number, bytes: string) =>
  new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes))
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk.toString()))
    socket.on('end', () => resolve(answer))
    socket.on('error', reject)
  })

const envelopeOf = (answer: string) =>
  JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { ok: boolean; error: { type: string; request_id: string } }

describe('every error in the envelope, even before routing', () => {
  test("431 for oversized headers and 400 for bytes that are not HTTP, as the contract's error envelope", async () => {
    const w = await createWorld()
    await w.app.listen({ host: '127.0.0.1', port: 0 })
    const { port } = w.app.server.address() as { port: number }

    const tooBig = await raw(port, `GET /health HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`)
    assert.match(tooBig, /^HTTP\/1\.1 431 /)
    assert.match(tooBig, /content-type: application\/json/i)
    const big = envelopeOf(tooBig)
    assert.equal(big.ok, false)
    assert.equal(big.error.type, 'request_header_fields_too_large')
    assert.match(tooBig, new RegExp(`seam-request-id: ${big.error.request_id}`))

    const garbage = await raw(port, 'THIS IS NOT HTTP\r\n\r\n')
    assert.match(garbage, /^HTTP\/1\.1 400 /)
    assert.equal(envelopeOf(garbage).error.type, 'invalid_input')

    // The server is unharmed.
    assert.equal((await fetch(`http://127.0.0.1:${port}/health`)).status, 200)
  })

  test('an unreachable store answers 503 service_unavailable on API routes, with Retry-After, and changes nothing', async () => {
    const clock = new ManualClock()
    const cipher = createTokenCipher(Buffer.alloc(32, 3))
    if (STORE_KIND === 'postgres') {
      // Nothing listens on port 1: every connection attempt is refused, as when the database is down.
      const store = openPostgresStore('postgres://latchkey@127.0.0.1:1/latchkey', 2)
      const app = createApp({ store, clock, config: DEFAULT_CONFIG, tokenCipher: cipher })
      const res = await serverRequest(app, {
        method: 'POST',
        url: '/client_sessions/list',
        headers: { authorization: `Bearer ${mintCredential('api_key').token}` },
        payload: {},
      })
      assert.equal(res.status, 503)
      assert.equal(res.body.error.type, 'service_unavailable')
      assert.equal(res.headers['retry-after'], '1')
      assert.equal((await serverRequest(app, { method: 'GET', url: '/ready' })).status, 503)
      assert.equal((await serverRequest(app, { method: 'GET', url: '/health' })).status, 200)
      await app.close()
      await store.close()
      return
    }
    // SQLite: another process holds the write lock past the busy timeout.
    const shared = await openSharedDatabase()
    const store = shared.open()
    const app = createApp({ store, clock, config: DEFAULT_CONFIG, tokenCipher: cipher })
    const ws = await provisionWorkspace(store, clock, { name: 'Acme', isSandbox: true })
    const auth = { authorization: `Bearer ${ws.api_key}` }
    const locker = new BetterSqlite3(shared.sqlitePath)
    locker.exec('BEGIN IMMEDIATE')
    try {
      const res = await serverRequest(app, {
        method: 'POST',
        url: '/client_sessions/create',
        headers: auth,
        payload: { user_identifier_key: 'jane' },
      })
      assert.equal(res.status, 503)
      assert.equal(res.body.error.type, 'service_unavailable')
    } finally {
      locker.exec('ROLLBACK')
      locker.close()
    }
    const list = await serverRequest(app, { method: 'POST', url: '/client_sessions/list', headers: auth, payload: {} })
    assert.deepEqual(list.body.client_sessions, [], 'the refused write changed nothing')
    await app.close()
    await shared.dispose()
  })
})
