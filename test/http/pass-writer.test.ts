import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { passWriter } from '../../src/http/writer.ts'

/** Resolves in the event loop's check phase, after the writer's own end-of-pass callback. */
const checkPhase = () => new Promise((resolve) => setImmediate(resolve))
/**
 * Resolves in a later pass, as a database's answer arrives. It waits for the check phase first:
 * a timer alone can fire before the writer's end-of-pass callback when the loop is slow to come
 * round (a busy machine), since the timers phase comes before the check phase.
 */
const laterPass = async () => {
  await checkPhase()
  await new Promise((resolve) => setTimeout(resolve, 5))
}

describe('answers written at the end of the pass', () => {
  test('answers made in the pass that took their requests up are written together, in order, when it ends', async () => {
    const writer = passWriter()
    const written: string[] = []
    const first = writer.begin()
    writer.write(first, () => written.push('a'))
    await Promise.resolve() // a later promise job of the same pass
    const second = writer.begin()
    writer.write(second, () => written.push('b'))
    process.nextTick(() => writer.write(first, () => written.push('c')))
    await Promise.resolve()
    assert.deepEqual(written, [], 'nothing is written during the pass')
    await checkPhase()
    assert.deepEqual(written, ['a', 'b', 'c'])
  })

  test('an answer that waited past the end of its pass is written at once', async () => {
    const writer = passWriter()
    const written: string[] = []
    const pass = writer.begin()
    await laterPass()
    writer.write(pass, () => written.push('late'))
    assert.deepEqual(written, ['late'])
  })

  test('an answer made while a batch is written goes out at once, not a pass later', async () => {
    const writer = passWriter()
    const written: string[] = []
    const pass = writer.begin()
    writer.write(pass, () => {
      written.push('first')
      writer.write(pass, () => written.push('during'))
    })
    await checkPhase()
    assert.deepEqual(written, ['first', 'during'])
  })

  test('every pass that takes requests up is written', async () => {
    const writer = passWriter()
    const written: number[] = []
    for (let round = 0; round < 3; round++) {
      const pass = writer.begin()
      writer.write(pass, () => written.push(round))
      assert.equal(written.length, round, 'nothing is written before its pass ends')
      await laterPass()
    }
    assert.deepEqual(written, [0, 1, 2])
  })
})
