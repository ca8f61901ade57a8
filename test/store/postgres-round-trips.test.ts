import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, describe, test } from 'node:test'

import { injectInto } from '../fixtures/world.ts'
import { createApp, type LatchkeyApp } from '../../src/app.ts'
import { createTokenCipher } from '../../src/auth/token-cipher.ts'
import { DEFAULT_CONFIG } from '../../src/domain/context.ts'
import { provisionWorkspace } from '../../src/domain/provisioning.ts'
import { sandboxLock } from '../../src/sandbox/devices.ts'
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.ts'
import { ManualClock } from '../fixtures/clock.ts'
import { startPostgresProxy } from '../fixtures/postgres-proxy.ts'
import { openTestStore, STORE_KIND } from '../fixtures/stores.ts'

const skip = STORE_KIND === 'postgres' ? false : 'counts round trips to PostgreSQL; SQLite has none'

/**
 * What each main path sends to PostgreSQL, counted by a proxy between the server and the
 * database: a fixed number of round trips per request, the same for a short answer and a long
 * one (no statement per row). The counts are the ones docs/performance.md lists.
 */
describe('round trips to PostgreSQL per request, whatever the answer’s length', { skip }, async () => {
  if (skip !== false) return
  const database = await openTestStore()
  const proxy = await startPostgresProxy(database.url)
  const store = openPostgresStore(proxy.url, 4)
  const clock = new ManualClock()
  // No webhook delivery polls in the background: this file counts the statements requests make.
  const config = { ...DEFAULT_CONFIG, webhooks: { ...DEFAULT_CONFIG.webhooks, pollMs: 3_600_000 } }
  const app: LatchkeyApp = createApp({ store, clock, config, tokenCipher: createTokenCipher(Buffer.alloc(32, 6)) })
  after(async () => {
    await app.close()
    await proxy.close()
    await database.dispose()
  })

  /** A workspace with `sessions` sessions, the first of them reaching one account with `devices` locks. */
  const workspaceWith = async (sessions: number, devices: number) => {
    const ws = await provisionWorkspace(database.store, clock, { name: `${sessions} sessions`, isSandbox: true })
    const key = { authorization: `Bearer ${ws.api_key}` }
    const accountId = randomUUID()
    await database.store.insertConnectedAccount({
      connectedAccountId: accountId,
      workspaceId: ws.workspace_id,
      provider: 'sandbox',
      userIdentifierEmail: 'jane@example.com',
      displayName: 'Jane',
      createdAt: clock.now().toISOString(),
    })
    for (let i = 0; i < devices; i++)
      await database.store.insertDevice(sandboxLock(ws.workspace_id, accountId, `Door ${i}`, clock.now().toISOString()))
    const call = async (path: string, headers: Record<string, string>, body: object = {}) => {
      const res = await injectInto(app, { method: 'POST', url: path, headers, payload: body })
      assert.equal(res.statusCode, 200, `${path}: ${res.body}`)
      return res.json()
    }
    const first = (await call('/client_sessions/create', key, { user_identifier_key: 'first', connected_account_ids: [accountId] }))
      .client_session
    for (let i = 1; i < sessions; i++) await call('/client_sessions/create', key, { user_identifier_key: `user-${i}` })
    const cst = { authorization: `Bearer ${first.token}` }
    /** The round trips one request makes, after one unmeasured call (statements are prepared once per connection). */
    const tripsOf = async (path: string, headers: Record<string, string>, body: object = {}) => {
      await call(path, headers, body)
      const before = proxy.roundTrips()
      const answer = await call(path, headers, body)
      return { trips: proxy.roundTrips() - before, answer }
    }
    return {
      cstGet: () => tripsOf('/client_sessions/get', cst),
      apiKeyGet: () => tripsOf('/client_sessions/get', key, { user_identifier_key: 'first' }),
      getOrCreate: () => tripsOf('/client_sessions/get_or_create', key, { user_identifier_key: 'first' }),
      list: () => tripsOf('/client_sessions/list', key, { limit: 500 }),
      devicesList: () => tripsOf('/devices/list', cst),
    }
  }

  test('a CST get, an API-key get and get_or_create of an existing key: one, two and two', async () => {
    const w = await workspaceWith(2, 1)
    assert.equal((await w.cstGet()).trips, 1)
    // The key, then the session by its user key.
    assert.equal((await w.apiKeyGet()).trips, 2)
    assert.equal((await w.getOrCreate()).trips, 2)
  })

  test('client_sessions/list and devices/list: the same round trips for 3 rows and for 120', async () => {
    const small = await workspaceWith(3, 3)
    const large = await workspaceWith(120, 40)
    const [smallList, largeList] = [await small.list(), await large.list()]
    assert.equal(smallList.answer.client_sessions.length, 3)
    assert.equal(largeList.answer.client_sessions.length, 120)
    // The key, then one statement for the whole page.
    assert.equal(smallList.trips, 2)
    assert.equal(largeList.trips, smallList.trips)
    const [smallDevices, largeDevices] = [await small.devicesList(), await large.devicesList()]
    assert.equal(smallDevices.answer.devices.length, 3)
    assert.equal(largeDevices.answer.devices.length, 40)
    assert.equal(largeDevices.trips, smallDevices.trips)
    // The session by its token, then one statement for the devices in its scope.
    assert.equal(smallDevices.trips, 2)
  })
})
