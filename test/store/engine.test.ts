import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { sharedRowMapper } from '../../src/store/sqlite/read-memo.ts'

describe("an engine's shared rows: mapped once per rows array it shares", () => {
  test('shared rows give the same frozen records each time; rows not shared are mapped afresh', () => {
    const { share, mapRows } = sharedRowMapper()
    let mapped = 0
    const map = (row: { v: number }) => {
      mapped++
      return { value: row.v, nested: { twice: row.v * 2 } }
    }
    const sharedRows = [{ v: 1 }, { v: 2 }]
    share(sharedRows)
    const first = mapRows(sharedRows, map)
    assert.equal(mapRows(sharedRows, map), first)
    assert.equal(mapped, 2)
    assert.ok(
      Object.isFrozen(first) && Object.isFrozen(first[0]) && Object.isFrozen(first[0]?.nested),
      'later requests share them, so they cannot change',
    )
    const ownRows = [{ v: 3 }]
    assert.notEqual(mapRows(ownRows, map), mapRows(ownRows, map))
    assert.equal(mapped, 4)
    assert.equal(Object.isFrozen(mapRows(ownRows, map)[0]), false)
  })

  test('two mappings of the same shared rows each get their own records', () => {
    const { share, mapRows } = sharedRowMapper()
    const rows = [{ v: 1 }]
    share(rows)
    const value = (row: { v: number }) => ({ value: row.v })
    const keyed = (row: { v: number }) => ({ key: String(row.v) })
    assert.deepEqual(mapRows(rows, value), [{ value: 1 }])
    assert.deepEqual(mapRows(rows, keyed), [{ key: '1' }])
    assert.equal(mapRows(rows, value), mapRows(rows, value))
  })

  test('two engines never share records', () => {
    const a = sharedRowMapper()
    const b = sharedRowMapper()
    const rows = [{ v: 1 }]
    a.share(rows)
    const map = (row: { v: number }) => ({ value: row.v })
    assert.equal(a.mapRows(rows, map), a.mapRows(rows, map))
    assert.notEqual(b.mapRows(rows, map), b.mapRows(rows, map), 'b was never told the rows are shared')
  })
})
