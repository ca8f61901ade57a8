import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { createRandomPool } from '../../src/auth/token-cipher.ts'
import { randomBase58 } from '../../src/auth/tokens.ts'

describe('random bytes', () => {
  test('a pool hands each byte out once, refilling when spent, and two pools never share bytes', () => {
    const next = createRandomPool(32)
    const other = createRandomPool(32)
    const drawn = Array.from({ length: 20 }, () => next(12).toString('hex'))
    // 12-byte draws from a 32-byte pool: the pool refills every 2 draws, yet no value repeats.
    assert.equal(new Set(drawn).size, drawn.length)
    assert.ok(drawn.every((hex) => hex.length === 24))
    assert.notEqual(next(12).toString('hex'), other(12).toString('hex'))
  })

  test('base58 secrets have the asked length, use only the alphabet, and do not repeat', () => {
    const secrets = Array.from({ length: 2000 }, () => randomBase58(32))
    assert.ok(secrets.every((secret) => /^[1-9A-HJ-NP-Za-km-z]{32}$/.test(secret)))
    assert.equal(new Set(secrets).size, secrets.length)
    // Every character of the alphabet turns up (64 000 draws of 58 characters).
    assert.equal(new Set(secrets.join('')).size, 58)
  })
})
