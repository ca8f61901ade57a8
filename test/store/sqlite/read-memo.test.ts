import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import BetterSqlite3 from 'better-sqlite3'

import { createReadMemo } from '../../../src/store/sqlite/read-memo.ts'

/**
 * The read memo's bound counts rows, not answers: list pages are remembered like single-row
 * reads without holding more memory. An answer remembered comes back as the same array; one
 * forgotten (or never kept) is read again, as a new array.
 */
describe('SQLite read memo: bounded by rows held per statement', () => {
  const open = (budget: number) => {
    const database = new BetterSqlite3(':memory:')
    database.exec('CREATE TABLE n (v INTEGER); INSERT INTO n (v) VALUES (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12)')
    let writes = 0
    const read = createReadMemo(database, (source) => database.prepare(source), () => writes, 'private', budget)
    const page = (limit: number) => read('SELECT v FROM n ORDER BY v LIMIT ?', [limit]) as unknown[]
    return { page, write: () => (writes += 1) }
  }

  it('keeps pages while their rows fit the budget, and drops the oldest first', () => {
    const memo = open(10)
    const four = memo.page(4)
    const five = memo.page(5)
    assert.equal(memo.page(4), four)
    assert.equal(memo.page(5), five)
    // 4 + 5 + 3 rows is over 10: the oldest answer (4 rows) goes.
    const three = memo.page(3)
    assert.equal(memo.page(3), three)
    assert.equal(memo.page(5), five)
    const again = memo.page(4)
    assert.notEqual(again, four)
    assert.deepEqual(again, four)
  })

  it('never keeps an answer larger than the whole budget, and still answers it', () => {
    const memo = open(10)
    const small = memo.page(2)
    const large = memo.page(11)
    assert.equal(large.length, 11)
    assert.notEqual(memo.page(11), large)
    assert.equal(memo.page(2), small)
  })

  it('an empty answer counts as one row', () => {
    const memo = open(2)
    const none = memo.page(0)
    const one = memo.page(1)
    assert.equal(memo.page(0), none)
    assert.equal(memo.page(1), one)
    memo.page(2)
    assert.notEqual(memo.page(0), none)
  })

  it('forgets everything once the database is written', () => {
    const memo = open(10)
    const four = memo.page(4)
    memo.write()
    assert.notEqual(memo.page(4), four)
  })
})
