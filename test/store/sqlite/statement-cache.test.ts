import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import BetterSqlite3 from 'better-sqlite3'

import { withStatementCache } from '../../../src/store/sqlite/read-memo.ts'

const open = (capacity?: number) => {
  const raw = new BetterSqlite3(':memory:')
  raw.exec('CREATE TABLE t (v INTEGER)')
  return withStatementCache(raw, capacity)
}

describe('SQLite statement cache', () => {
  it('reuses a compiled statement by its text, and compiles anew past its bound, oldest out first', () => {
    const cache = open(2)
    const a = cache.prepare('SELECT 1')
    assert.equal(cache.prepare('SELECT 1'), a)
    cache.prepare('SELECT 2')
    cache.prepare('SELECT 1') // now the most recently used
    cache.prepare('SELECT 3') // pushes out SELECT 2
    assert.equal(cache.prepare('SELECT 1'), a)
    const two = cache.prepare('SELECT 2')
    assert.equal(cache.prepare('SELECT 2'), two, 'compiled again, then cached again')
    cache.database.close()
  })

  it('counts a write when it runs, not when it is prepared, RETURNING included; reads never count', () => {
    const cache = open()
    const start = cache.writes()
    const insert = cache.database.prepare('INSERT INTO t (v) VALUES (?)')
    assert.equal(cache.writes(), start, 'preparing writes nothing')
    insert.run([1])
    insert.run([2])
    assert.equal(cache.writes(), start + 2)
    cache.prepare('INSERT INTO t (v) VALUES (?) RETURNING v').all([3])
    assert.equal(cache.writes(), start + 3)
    assert.deepEqual(cache.prepare('SELECT v FROM t ORDER BY v').all([]), [{ v: 1 }, { v: 2 }, { v: 3 }])
    assert.equal(cache.writes(), start + 3)
    cache.database.close()
  })

  it("is one count for the process: another cache's writes move it too", () => {
    const first = open()
    const second = open()
    const before = first.writes()
    second.prepare('DELETE FROM t').run([])
    assert.equal(first.writes(), before + 1)
    first.database.close()
    second.database.close()
  })
})
