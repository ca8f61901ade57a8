import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'

import { encodeCursor } from '../../src/routes/page-cursor.ts'
import { createWorld } from '../fixtures/world.ts'

/** The list routes that page with a cursor, each with the parameters it needs besides. */
const LISTS: [string, Record<string, unknown>][] = [
  ['/client_sessions/list', {}],
  ['/connect_webviews/list', {}],
  ['/connected_accounts/list', {}],
  ['/devices/list', {}],
  ['/locks/list', {}],
  ['/user_identities/list', {}],
  ['/events/list', { since: '2020-01-01T00:00:00.000Z' }],
  ['/action_attempts/list', {}],
  ['/access_codes/list', { device_id: randomUUID() }],
]

/** A cursor made as the server makes one (page-cursor.ts's encoder), holding any position. */
const cursor = (createdAt: string, id: string = randomUUID()) => encodeCursor({ createdAt, id })

describe('page_cursor: a cursor is checked whole, alike on every store', () => {
  test("a time past what the databases store (a Date's last day, +275760-09-13) is invalid_input, not a 500", async () => {
    const w = await createWorld()
    for (const [path, params] of LISTS) {
      const res = await w.api(path, { ...params, page_cursor: cursor('+275760-09-13T00:00:00.000Z') })
      assert.equal(res.status, 400, `${path}: ${res.text}`)
      assert.equal(res.body.error.type, 'invalid_input', path)
      assert.match(res.body.error.message, /page_cursor.*years 0001 to 9999/, path)
    }
  })

  test('times outside years 0001 to 9999, or not ISO 8601, are refused; an id that is not one is refused', async () => {
    const w = await createWorld()
    const refused = [
      cursor('-271821-04-20T00:00:00.000Z'),
      cursor('+010000-01-01T00:00:00.000Z'),
      cursor('0000-12-31T23:59:59.999Z'),
      // Year 0001 at +01:00 is year 0 in UTC; 9999 at -01:00 is 10000.
      cursor('0001-01-01T00:30:00.000+01:00'),
      cursor('9999-12-31T23:30:00.000-01:00'),
      cursor('2026-11-21T25:00:00.000Z'),
      cursor('Sat, 21 Nov 2026 10:00:00 GMT'),
      cursor('1'),
      cursor('2026-11-21T10:00:00.000Z', 'not-an-id'),
      cursor('2026-11-21T10:00:00.000Z', `${randomUUID().slice(0, -1)}\u0000`),
      cursor('2026-11-21T10:00:00.000Z', randomUUID().toUpperCase()),
      cursor('2026-11-21T10:00:00.000Z', '\ud800'),
      Buffer.from(JSON.stringify(['2026-11-21T10:00:00.000Z', randomUUID(), 'extra'])).toString('base64url'),
      Buffer.from(JSON.stringify({ createdAt: '2026-11-21T10:00:00.000Z', id: randomUUID() })).toString('base64url'),
      Buffer.from(JSON.stringify([Date.parse('2026-11-21T10:00:00.000Z'), randomUUID()])).toString('base64url'),
      'bm9wZQ',
    ]
    for (const pageCursor of refused) {
      const res = await w.api('/client_sessions/list', { page_cursor: pageCursor })
      assert.equal(res.status, 400, `${Buffer.from(pageCursor, 'base64url').toString()}: ${res.text}`)
      assert.equal(res.body.error.type, 'invalid_input')
      assert.deepEqual(Object.keys(res.body.error.validation_errors ?? {}).sort(), ['_errors', 'page_cursor'])
    }
  })

  test('the first and last instants both databases store are valid positions: a page after them answers 200', async () => {
    const w = await createWorld()
    const sessions = [await w.session({ user_identifier_key: 'a' }), await w.session({ user_identifier_key: 'b' })]
    const page = async (createdAt: string, path = '/client_sessions/list') => {
      const res = await w.api(path, { page_cursor: cursor(createdAt) })
      assert.equal(res.status, 200, `${createdAt}: ${res.text}`)
      return res.body
    }
    // After the last instant of 9999: everything is older, so every session is on the page.
    assert.equal((await page('9999-12-31T23:59:59.999Z')).client_sessions.length, sessions.length)
    // A zone is read as the instant it names.
    assert.equal((await page('9999-12-31T23:59:59.999+00:00')).client_sessions.length, sessions.length)
    // After the first instant of 0001: nothing is older.
    assert.deepEqual((await page('0001-01-01T00:00:00.000Z')).client_sessions, [])
    for (const [path, params] of LISTS) {
      for (const at of ['0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z']) {
        const res = await w.api(path, { ...params, page_cursor: cursor(at) })
        assert.equal(res.status, 200, `${path} after ${at}: ${res.text}`)
      }
    }
  })

  test('a cursor the server issued still pages on', async () => {
    const w = await createWorld()
    for (let i = 0; i < 3; i++) {
      await w.session({ user_identifier_key: `u${i}` })
      w.clock.advance(10)
    }
    const first = await w.api('/client_sessions/list', { limit: 2 })
    const next = first.body.pagination.next_page_cursor as string
    assert.equal(typeof next, 'string')
    const second = await w.api('/client_sessions/list', { limit: 2, page_cursor: next })
    assert.equal(second.status, 200, second.text)
    assert.equal(second.body.client_sessions.length, 1)
  })
})
