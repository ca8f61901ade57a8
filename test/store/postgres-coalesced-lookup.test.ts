import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { coalescedLookup } from '../../src/store/postgres/coalesced-lookup.ts'

describe('coalesced lookups', () => {
  test('a key whose statement fails fails only its own requests, not the others that shared the statement', async () => {
    const statements: string[][] = []
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    const lookup = coalescedLookup(
      async (keys: string[]) => {
        statements.push(keys)
        // The first statement holds the only slot, so the keys after it wait together.
        if (statements.length === 1) await gate
        // As PostgreSQL fails a whole statement on one value it cannot take.
        if (keys.includes('bad')) throw Object.assign(new Error('invalid byte sequence'), { code: '22021' })
        return keys.map((key) => ({ key }))
      },
      (row) => row.key,
      { maxInFlight: 1, maxKeys: 64 },
    )
    const first = lookup('first')
    const others = ['a', 'bad', 'b', 'c'].map((key) =>
      lookup(key).then(
        (row) => row?.key,
        (error: Error) => `failed: ${error.message}`,
      ),
    )
    release()
    assert.deepEqual(await first, { key: 'first' })
    assert.deepEqual(await Promise.all(others), ['a', 'failed: invalid byte sequence', 'b', 'c'])
    assert.deepEqual(statements[1], ['a', 'bad', 'b', 'c'], 'the waiting keys did share one statement')
  })

  test("a failure of a single-key statement is that request's failure, tried once", async () => {
    let calls = 0
    const lookup = coalescedLookup(
      (_keys: string[]) => {
        calls++
        throw new Error('down')
      },
      (row: { key: string }) => row.key,
      { maxInFlight: 1, maxKeys: 64 },
    )
    await assert.rejects(lookup('x'), /down/)
    assert.equal(calls, 1)
  })

  test('an outage fails a shared statement once for all its keys, without a statement per key', async () => {
    const statements: string[][] = []
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    const lookup = coalescedLookup(
      async (keys: string[]) => {
        statements.push(keys)
        if (statements.length === 1) await gate
        throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
      },
      (row: { key: string }) => row.key,
      { maxInFlight: 1, maxKeys: 64 },
    )
    const all = ['first', 'a', 'b', 'c'].map((key) =>
      lookup(key).then(
        () => 'found',
        (error: Error) => error.message,
      ),
    )
    release()
    assert.deepEqual(await Promise.all(all), Array(4).fill('connect ECONNREFUSED'))
    assert.deepEqual(statements, [['first'], ['a', 'b', 'c']])
  })
})
