import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { passWriter } from '../../src/http/pass-writer.ts'

const checkPhase = () => new Promise((resolve) => setImmediate(resolve))

describe('answers written at the end of the pass', () => {
  test('answers made in one pass are written together, in order, once the pass is done', async () => {
    const writeInPass = passWriter()
    const written: string[] = []
    writeInPass(() => written.push('a'))
    await Promise.resolve() // a later microtask of the same pass
    writeInPass(() => written.push('b'))
    process.nextTick(() => writeInPass(() => written.push('c')))
    assert.deepEqual(written, [], 'nothing is written during the pass')
    await checkPhase()
    assert.deepEqual(written, ['a', 'b', 'c'])
  })

  test('an answer made while a batch is written goes out with the next pass', async () => {
    const writeInPass = passWriter()
    const written: string[] = []
    writeInPass(() => {
      written.push('first')
      writeInPass(() => written.push('next pass'))
    })
    await checkPhase()
    assert.deepEqual(written, ['first'])
    await checkPhase()
    assert.deepEqual(written, ['first', 'next pass'])
  })

  test('each pass after an empty one is written again', async () => {
    const writeInPass = passWriter()
    const written: number[] = []
    for (let pass = 0; pass < 3; pass++) {
      writeInPass(() => written.push(pass))
      await checkPhase()
      await checkPhase()
    }
    assert.deepEqual(written, [0, 1, 2])
  })
})
