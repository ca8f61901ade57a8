import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'

import { createGroupCommit } from '../../../src/store/sqlite/group-commit.ts'
import type { Database } from '../../../src/store/tables.ts'

const INSERT = 'INSERT INTO n (v) VALUES (?) ON CONFLICT DO NOTHING'

/** A WAL file with a table, the group commit over it, and every statement it prepares, in order. */
const open = () => {
  const dir = mkdtempSync(join(tmpdir(), 'latchkey-group-commit-'))
  const path = join(dir, 'db.sqlite')
  const database = new BetterSqlite3(path)
  database.pragma('journal_mode = WAL')
  database.exec('CREATE TABLE n (v INTEGER PRIMARY KEY CHECK (v >= 0))')
  const prepared: string[] = []
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) })
  const write = createGroupCommit(db, database, (sql) => {
    prepared.push(sql)
    return database.prepare(sql)
  })
  const other = new BetterSqlite3(path, { readonly: true })
  const committed = () => (other.prepare('SELECT v FROM n ORDER BY v').all() as { v: number }[]).map((row) => row.v)
  const close = async () => {
    other.close()
    await db.destroy()
    rmSync(dir, { recursive: true, force: true })
  }
  return { db, database, write, prepared, committed, close }
}

describe('SQLite group commit', () => {
  it('commits the writes of one turn together, and each is committed when it settles', async () => {
    const store = open()
    try {
      const changes = await Promise.all([1, 2, 3, 4, 5].map((v) => store.write(INSERT, [v])))
      assert.deepEqual(changes, [1, 1, 1, 1, 1])
      // Another connection sees every row: the promises settled after the commit.
      assert.deepEqual(store.committed(), [1, 2, 3, 4, 5])
      assert.equal(store.prepared.filter((sql) => sql === 'BEGIN IMMEDIATE').length, 1)
      assert.equal(store.prepared.filter((sql) => sql === 'COMMIT').length, 1)
    } finally {
      await store.close()
    }
  })

  it('answers each write its own row count, a conflict included', async () => {
    const store = open()
    try {
      const changes = await Promise.all([7, 7, 8].map((v) => store.write(INSERT, [v])))
      assert.deepEqual(changes, [1, 0, 1])
      assert.deepEqual(store.committed(), [7, 8])
    } finally {
      await store.close()
    }
  })

  it('runs a lone write without a transaction of its own', async () => {
    const store = open()
    try {
      assert.equal(await store.write(INSERT, [1]), 1)
      assert.deepEqual(store.prepared, [INSERT])
      assert.deepEqual(store.committed(), [1])
    } finally {
      await store.close()
    }
  })

  it('a failing write fails alone: the others of its batch still commit', async () => {
    const store = open()
    try {
      const outcomes = await Promise.allSettled([1, -1, 2].map((v) => store.write(INSERT, [v])))
      assert.deepEqual(
        outcomes.map((outcome) => outcome.status),
        ['fulfilled', 'rejected', 'fulfilled'],
      )
      assert.match(String((outcomes[1] as PromiseRejectedResult).reason), /CHECK constraint failed/)
      assert.deepEqual(store.committed(), [1, 2])
      assert.equal(store.database.inTransaction, false)
    } finally {
      await store.close()
    }
  })

  it('waits for a transaction that holds the connection, and never joins it', async () => {
    const store = open()
    try {
      let written: Promise<number> | undefined
      await store.db
        .transaction()
        .execute(async (trx) => {
          await trx
            .insertInto('n' as never)
            .values({ v: 50 })
            .execute()
          written = store.write(INSERT, [60])
          // Let the check phase pass while the transaction is still open.
          await new Promise((resolve) => setImmediate(resolve))
          await new Promise((resolve) => setImmediate(resolve))
          throw new Error('roll back')
        })
        .catch(() => undefined)
      assert.equal(await written, 1)
      assert.deepEqual(store.committed(), [60])
    } finally {
      await store.close()
    }
  })

  it('rejects the writes it cannot run once the store is closed', async () => {
    const store = open()
    assert.equal(await store.write(INSERT, [1]), 1)
    await store.close()
    await assert.rejects(store.write(INSERT, [2]), /destroyed/)
  })
})
