import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { serializeUrlSearchParams } from '@seamapi/url-search-params-serializer'
import querystring from 'fast-querystring'
import { z } from 'zod'

import { coerceQuery } from '../../src/http/raw-params.ts'
import { createWorld } from '../fixtures/world.ts'

const ID_A = '0b9f6c1e-8a2d-4a8e-9d51-2f1d7c3e4b5a'
const ID_B = '7c4e2a90-1f3b-4d6c-8e5a-9b0d1c2e3f4a'

/** A shape with every kind of field a Latchkey route takes in a query string. */
const shape = {
  ids: z.array(z.guid()).optional(),
  names: z.array(z.string()).optional(),
  flag: z.boolean().optional(),
  count: z.number().optional(),
  limit: z.number().default(500),
  at: z.iso.datetime({ offset: true }).optional(),
  window: z.tuple([z.iso.datetime(), z.iso.datetime()]).optional(),
  cursor: z.string().nullable().optional(),
  key: z.string().optional(),
}

/** What a route would read from the query string Seam's serializer writes for `params`. */
const roundTrip = (params: Record<string, unknown>) =>
  z.object(shape).parse(coerceQuery(shape, querystring.parse(serializeUrlSearchParams(params)) as Record<string, unknown>))

describe("query strings decode what Seam's serializer encodes", () => {
  test('lists, empty lists, booleans, numbers, dates and null', () => {
    const at = new Date('2026-12-01T10:00:00.000Z')
    assert.deepEqual(roundTrip({ ids: [] }), { ids: [], limit: 500 })
    assert.deepEqual(roundTrip({ ids: [ID_A] }), { ids: [ID_A], limit: 500 })
    assert.deepEqual(roundTrip({ ids: [ID_A, ID_B], names: ['a b', 'c&d'] }), { ids: [ID_A, ID_B], names: ['a b', 'c&d'], limit: 500 })
    assert.deepEqual(roundTrip({ flag: true, count: 2.5, limit: 3 }), { flag: true, count: 2.5, limit: 3 })
    assert.deepEqual(roundTrip({ flag: false }), { flag: false, limit: 500 })
    assert.deepEqual(roundTrip({ at }), { at: at.toISOString(), limit: 500 })
    assert.deepEqual(roundTrip({ window: [at, new Date(at.getTime() + 1000)] }), {
      window: [at.toISOString(), '2026-12-01T10:00:01.000Z'],
      limit: 500,
    })
    // null: a field that takes null reads null; one that does not reads the parameter as absent.
    assert.deepEqual(roundTrip({ cursor: null }), { cursor: null, limit: 500 })
    assert.deepEqual(roundTrip({ key: null, limit: null }), { limit: 500 })
    // Empty strings are left out by the serializer, undefined too.
    assert.deepEqual(roundTrip({ key: '', count: undefined }), { limit: 500 })
  })

  test('over HTTP: `device_ids=` is an empty list, which matches no device', async () => {
    const w = await createWorld()
    await w.seedAccount(w.ws.workspace_id, 2)
    const get = (params: Record<string, unknown>) =>
      w.request({ method: 'GET', url: `/devices/list?${serializeUrlSearchParams(params)}`, headers: w.as.apiKey })
    const all = await get({})
    assert.equal(all.body.devices.length, 2)
    const empty = await get({ device_ids: [] })
    assert.equal(empty.status, 200, JSON.stringify(empty.body))
    assert.deepEqual(empty.body.devices, [])
    const one = all.body.devices[0].device_id as string
    assert.deepEqual(
      (await get({ device_ids: [one] })).body.devices.map((d: { device_id: string }) => d.device_id),
      [one],
    )
    assert.equal((await get({ page_cursor: null, limit: 1 })).body.devices.length, 1)
  })
})
