import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import BetterSqlite3 from 'better-sqlite3'

import { createReadMemo, withStatementCache } from '../../../src/store/sqlite/read-memo.ts'
import { watchWalIndex } from '../../../src/store/sqlite/wal-index-watch.ts'

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
    const read = createReadMemo(
      database,
      (source) => database.prepare(source),
      () => writes,
      'private',
      () => {},
      budget,
    )
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

/**
 * On a file, another connection's commit is seen through the WAL-index header, asked once per
 * turn of the event loop; a write through any connection of this process is seen on the very
 * next read through the process's write count. Here the "other process" is a connection opened
 * without the statement cache, whose writes the count does not see.
 */
describe('SQLite read memo: what another connection wrote', () => {
  const openFile = () => {
    const dir = mkdtempSync(join(tmpdir(), 'latchkey-memo-'))
    const path = join(dir, 'memo.sqlite')
    const setup = new BetterSqlite3(path)
    setup.pragma('journal_mode = WAL')
    setup.exec("CREATE TABLE s (id TEXT PRIMARY KEY, state TEXT); INSERT INTO s VALUES ('a', 'live')")
    const readerDatabase = new BetterSqlite3(path)
    const reader = withStatementCache(readerDatabase)
    const watch = watchWalIndex(path)
    assert.ok(watch !== undefined)
    const read = createReadMemo(readerDatabase, reader.prepare, reader.writes, watch, () => {})
    const state = () => (read('SELECT state FROM s WHERE id = ?', ['a']) as { state: string }[])[0]?.state
    const inProcess = withStatementCache(new BetterSqlite3(path))
    return {
      state,
      // Another process: its commits reach this one only through the file.
      elsewhere: (value: string) => setup.prepare("UPDATE s SET state = ? WHERE id = 'a'").run(value),
      // Another store of this process: through the statement cache, like every store's writes.
      inThisProcess: (value: string) => inProcess.prepare("UPDATE s SET state = ? WHERE id = 'a'").run([value]),
      close: () => {
        watch.close()
        for (const db of [setup, reader.database, inProcess.database]) db.close()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

  it("sees another process's commit from the next turn on, and asks the file once per turn", async () => {
    const file = openFile()
    try {
      assert.equal(file.state(), 'live')
      await nextTurn()
      file.elsewhere('revoked')
      // Both reads of one turn take the answer the file gave at its first.
      assert.equal(file.state(), 'revoked')
      file.elsewhere('live again')
      assert.equal(file.state(), 'revoked')
      await nextTurn()
      assert.equal(file.state(), 'live again')
    } finally {
      file.close()
    }
  })

  it('sees a write through another store of this process on the very next read, in the same turn', async () => {
    const file = openFile()
    try {
      assert.equal(file.state(), 'live')
      file.inThisProcess('revoked')
      assert.equal(file.state(), 'revoked')
    } finally {
      file.close()
    }
  })
})
