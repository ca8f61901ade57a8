import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, describe, test } from 'node:test'

import { injectInto } from '../fixtures/world.ts'
import { createApp, type LatchkeyApp } from '../../src/app.ts'
import { createTokenCipher } from '../../src/auth/token-cipher.ts'
import { DEFAULT_CONFIG } from '../../src/domain/context.ts'
import { provisionWorkspace } from '../../src/domain/provisioning.ts'
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.ts'
import { ManualClock } from '../fixtures/clock.ts'
import { startPostgresProxy } from '../fixtures/postgres-proxy.ts'
import { openTestStore, STORE_KIND } from '../fixtures/stores.ts'

const skip = STORE_KIND === 'postgres' ? false : 'counts round trips to PostgreSQL; SQLite has none'

/**
 * On PostgreSQL a client session token read costs one round trip, and concurrent reads (of
 * tokens and of API keys) share round trips, without ever answering from a statement that ran
 * before the request arrived.
 * A proxy between the server and the database counts the round trips and can delay answers.
 */
describe('client session token reads on PostgreSQL', { skip }, async () => {
  if (skip !== false) return
  const database = await openTestStore()
  const proxy = await startPostgresProxy(database.url)
  const store = openPostgresStore(proxy.url, 4)
  const clock = new ManualClock()
  // No webhook delivery polls in the background: this file counts the statements requests make.
  const config = { ...DEFAULT_CONFIG, webhooks: { ...DEFAULT_CONFIG.webhooks, pollMs: 3_600_000 } }
  const context = { store, clock, config, tokenCipher: createTokenCipher(Buffer.alloc(32, 5)) }
  const app: LatchkeyApp = createApp(context)
  after(async () => {
    await app.close()
    await proxy.close()
    await database.dispose()
  })
  const ws = await provisionWorkspace(database.store, clock, { name: 'Round trips', isSandbox: true })
  const key = { authorization: `Bearer ${ws.api_key}` }
  const post = async (path: string, headers: Record<string, string>, body: object = {}) => {
    const res = await injectInto(app, { method: 'POST', url: path, headers, payload: body })
    return { status: res.statusCode, body: res.json() }
  }
  const newSession = async () => (await post('/client_sessions/create', key, { user_identifier_key: randomUUID() })).body.client_session
  const readWith = (token: string) => post('/client_sessions/get', { authorization: `Bearer ${token}` })

  test('one round trip per read, one after another', async () => {
    const session = await newSession()
    await readWith(session.token)
    const before = proxy.roundTrips()
    for (let i = 0; i < 20; i++) assert.equal((await readWith(session.token)).status, 200)
    assert.equal(proxy.roundTrips() - before, 20)
  })

  test('concurrent reads share round trips, and each gets its own session', async () => {
    const first = await newSession()
    const sessions = [first]
    for (let i = 1; i < 10; i++) sessions.push(await newSession())
    await readWith(first.token)
    const before = proxy.roundTrips()
    const reads = Array.from({ length: 6 }, () => sessions).flat()
    const answers = await Promise.all(reads.map((s) => readWith(s.token)))
    const trips = proxy.roundTrips() - before
    reads.forEach((session, i) => {
      assert.equal(answers[i]?.status, 200)
      assert.equal(answers[i]?.body.client_session.client_session_id, session.client_session_id)
      assert.equal(answers[i]?.body.client_session.token, session.token)
    })
    assert.ok(trips >= 1 && trips < reads.length, `${trips} round trips for ${reads.length} reads`)
  })

  test('API-key lookups share round trips too: concurrent lists cost one statement each plus shared key reads', async () => {
    const list = () => post('/client_sessions/list', key)
    await list()
    let before = proxy.roundTrips()
    for (let i = 0; i < 10; i++) assert.equal((await list()).status, 200)
    // One for the key, one for the page.
    assert.equal(proxy.roundTrips() - before, 20)
    before = proxy.roundTrips()
    const answers = await Promise.all(Array.from({ length: 30 }, list))
    for (const answer of answers) assert.equal(answer.status, 200)
    const trips = proxy.roundTrips() - before
    assert.ok(trips >= 31 && trips < 60, `${trips} round trips for 30 lists`)
  })

  test("reads by user key share round trips too, each answered with its own key's session, the live one first", async () => {
    const keys = Array.from({ length: 8 }, () => randomUUID())
    const expected = new Map<string, string>()
    for (const userKey of keys)
      expected.set(
        userKey,
        (await post('/client_sessions/create', key, { user_identifier_key: userKey })).body.client_session.client_session_id,
      )
    // One key with a revoked session and a newer live one: the live one is the answer.
    const replaced = keys[0] as string
    assert.equal((await post('/client_sessions/revoke', key, { client_session_id: expected.get(replaced) })).status, 200)
    expected.set(
      replaced,
      (await post('/client_sessions/create', key, { user_identifier_key: replaced })).body.client_session.client_session_id,
    )
    const byKey = (userKey: string) => post('/client_sessions/get', key, { user_identifier_key: userKey })
    await byKey(replaced)
    let before = proxy.roundTrips()
    for (const userKey of keys) assert.equal((await byKey(userKey)).body.client_session.client_session_id, expected.get(userKey))
    // One for the API key, one for the session.
    assert.equal(proxy.roundTrips() - before, 2 * keys.length)
    before = proxy.roundTrips()
    const reads = Array.from({ length: 4 }, () => keys).flat()
    const answers = await Promise.all(reads.map(byKey))
    const trips = proxy.roundTrips() - before
    reads.forEach((userKey, i) => {
      assert.equal(answers[i]?.status, 200)
      assert.equal(answers[i]?.body.client_session.client_session_id, expected.get(userKey))
    })
    assert.ok(trips >= 2 && trips < reads.length, `${trips} round trips for ${reads.length} reads`)
    // A key nobody holds, asked alongside held ones, is not found; the others still are.
    const mixed = await Promise.all([byKey('nobody-' + randomUUID()), byKey(replaced)])
    assert.equal(mixed[0]?.status, 404)
    assert.equal(mixed[1]?.body.client_session.client_session_id, expected.get(replaced))
  })

  test('a read that arrives after a revocation never takes the answer of a statement sent before it', async () => {
    const session = await newSession()
    assert.equal((await readWith(session.token)).status, 200)
    // A read whose statement has run, answer held back on the wire.
    proxy.holdAnswers()
    const early = readWith(session.token)
    // The database has answered (the answer is on the wire, held) before the revocation below.
    while (proxy.heldAnswers() === 0) await new Promise((resolve) => setTimeout(resolve, 10))
    // Revoked elsewhere (another instance, straight on the database), acknowledged.
    assert.equal(await database.store.revokeClientSession(ws.workspace_id, session.client_session_id, clock.now().toISOString()), true)
    const late = readWith(session.token)
    proxy.release()
    assert.equal((await early).status, 200)
    const refused = await late
    assert.equal(refused.status, 401)
    assert.equal(refused.body.error.type, 'client_session_revoked')
  })
})
