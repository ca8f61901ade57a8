import assert from 'node:assert/strict'
import { after, describe, test } from 'node:test'

import pg from 'pg'

import { injectInto } from '../fixtures/world.ts'
import { createApp } from '../../src/app.ts'
import { createTokenCipher } from '../../src/auth/token-cipher.ts'
import { DEFAULT_CONFIG } from '../../src/domain/context.ts'
import { provisionWorkspace } from '../../src/domain/provisioning.ts'
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.ts'
import { timestamptzToIso } from '../../src/store/postgres/timestamps.ts'
import { ManualClock } from '../fixtures/clock.ts'
import { openTestStore, STORE_KIND } from '../fixtures/stores.ts'

const defaultParser = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ, 'text') as (text: string) => Date

describe('timestamptz text read as ISO text', () => {
  test('reads every form a UTC session prints exactly as the Date node-postgres would have made', () => {
    const texts = [
      '2026-12-01 14:43:03+00',
      '2026-12-01 14:43:03.1+00',
      '2026-12-01 14:43:03.12+00',
      '2026-12-01 14:43:03.123+00',
      '2026-12-01 14:43:03.1234+00',
      '2026-12-01 14:43:03.12345+00',
      '2026-12-01 14:43:03.999999+00',
      '2026-12-01 14:43:03.007+00',
      '0001-01-01 00:00:00+00',
      '9999-12-31 23:59:59.999+00',
    ]
    for (const text of texts) assert.equal(timestamptzToIso(text), defaultParser(text).toISOString(), text)
    assert.equal(timestamptzToIso('2026-12-01 14:43:03.12+00'), '2026-12-01T14:43:03.120Z')
    assert.equal(timestamptzToIso('2026-12-01 14:43:03+00'), '2026-12-01T14:43:03.000Z')
  })

  test('reads any other form (another time zone, a year past 9999) through node-postgres’s parser', () => {
    const texts = [
      '2026-12-01 09:43:03.5-05',
      '2026-12-02 04:28:03.25+13:45',
      '2026-12-01 14:43:03+01',
      '10000-01-01 00:00:00+00',
      '2026-12-01 14:43:03.123+00:30',
    ]
    for (const text of texts) assert.equal(timestamptzToIso(text), defaultParser(text).toISOString(), text)
  })
})

const skip = STORE_KIND === 'postgres' ? false : 'reads timestamps from PostgreSQL; SQLite stores the text it is given'

describe('timestamps on a PostgreSQL database whose own time zone is not UTC', { skip }, async () => {
  if (skip !== false) return
  const database = await openTestStore()
  // Chatham is 13 h 45 min ahead of UTC: this instant is already the next day there.
  const databaseName = new URL(database.url).pathname.slice(1)
  const admin = new pg.Client({ connectionString: database.url })
  await admin.connect()
  await admin.query(`ALTER DATABASE ${databaseName} SET timezone TO 'Pacific/Chatham'`)
  await admin.end()
  const store = openPostgresStore(database.url, 2)
  const clock = new ManualClock(Date.parse('2026-12-01T23:59:59.987Z'))
  const app = createApp({ store, clock, config: DEFAULT_CONFIG, tokenCipher: createTokenCipher(Buffer.alloc(32, 7)) })
  after(async () => {
    await app.close()
    await database.dispose()
  })

  test('answers the instants that were written, to the millisecond, in created_at and expires_at', async () => {
    const ws = await provisionWorkspace(store, clock, { name: 'Time zones', isSandbox: true })
    const key = { authorization: `Bearer ${ws.api_key}` }
    const expiresAt = '2027-01-01T00:00:00.001Z'
    const created = await injectInto(app, {
      method: 'POST',
      url: '/client_sessions/create',
      headers: key,
      payload: { user_identifier_key: 'chatham', expires_at: expiresAt },
    })
    assert.equal(created.statusCode, 200, created.body)
    const id = created.json().client_session.client_session_id
    const read = await injectInto(app, { method: 'POST', url: '/client_sessions/get', headers: key, payload: { client_session_id: id } })
    const listed = await injectInto(app, { method: 'GET', url: '/client_sessions/list', headers: key })
    for (const session of [read.json().client_session, listed.json().client_sessions[0]]) {
      assert.equal(session.created_at, '2026-12-01T23:59:59.987Z')
      assert.equal(session.expires_at, expiresAt)
    }
  })
})
