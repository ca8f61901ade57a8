import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { after, describe, it } from 'node:test'

import BetterSqlite3 from 'better-sqlite3'

import { startCheckpointer, type Checkpointer, type CheckpointerOptions } from '../../../src/store/sqlite/checkpointer.ts'
import { openSqliteStore } from '../../../src/store/sqlite/open-sqlite-store.ts'

type StartCheckpointer = typeof startCheckpointer

const tempPath = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `latchkey-${name}-`))
  after(() => rmSync(dir, { recursive: true, force: true }))
  return join(dir, 'data.sqlite')
}

/** Pages the database holds, and bytes of them already copied from the WAL into the file itself. */
const backfill = (path: string) => {
  const reader = new BetterSqlite3(path, { readonly: true })
  try {
    const pages = reader.pragma('page_count', { simple: true }) as number
    const pageSize = reader.pragma('page_size', { simple: true }) as number
    return { expected: pages * pageSize, inFile: statSync(path).size }
  } finally {
    reader.close()
  }
}

const walBytes = (path: string) => (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0)

/**
 * A WAL database as the store opens one, with a checkpointer whose timer never runs: every
 * checkpoint in these tests is one the test asked for, so what is asserted is what a checkpoint
 * does, never how soon a background timer got to run.
 */
const walDatabase = (name: string, options: CheckpointerOptions = {}, start: StartCheckpointer = startCheckpointer) => {
  const path = tempPath(name)
  const db = new BetterSqlite3(path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 5000')
  db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, body BLOB NOT NULL)')
  const checkpointer: Checkpointer = start(db, path, { intervalMs: null, ...options })
  const insert = db.prepare('INSERT INTO rows (body) VALUES (?)')
  // One commit of ~16 KB: four pages of row and some of index, as a session write costs.
  const write = () => insert.run(Buffer.alloc(16 * 1024, 1))
  const close = async () => {
    await checkpointer.stop()
    db.close()
  }
  return { path, db, checkpointer, write, close }
}

describe('SQLite background checkpoints', () => {
  it('a checkpoint copies committed writes into the database file; until one runs they stay in the WAL', async () => {
    const { path, checkpointer, write, close } = walDatabase('checkpoint')
    try {
      for (let i = 0; i < 20; i++) write()
      // SQLite's own checkpoints are off (the checkpointer took them over) and its timer never
      // runs here: the writes are in the WAL only.
      const before = backfill(path)
      assert.ok(before.inFile < before.expected, `${before.inFile} of ${before.expected} bytes in the file before a checkpoint`)
      const report = await checkpointer.checkpointNow()
      assert.ok('complete' in report.passive && report.passive.complete, JSON.stringify(report))
      assert.equal(report.truncate, 'not-needed')
      const state = backfill(path)
      assert.equal(state.inFile, state.expected)
    } finally {
      await close()
    }
  })

  it('the store runs its checkpointer in the background: writes reach the database file without a request doing it', async () => {
    const path = tempPath('checkpoint-store')
    const store = openSqliteStore(path)
    try {
      // Migrations and a write: a few dozen pages, far below SQLite's own 1 000-page threshold,
      // so without the background checkpointer they would stay in the WAL while the store is open.
      await store.migrate()
      await store.createWorkspace({ workspaceId: randomUUID(), name: 'Checkpointed', isSandbox: true, createdAt: new Date().toISOString() })
      // Waits for the outcome (bounded generously), asserting only that it happens, not how soon.
      let state = backfill(path)
      for (let waited = 0; state.inFile < state.expected && waited < 60_000; waited += 50) {
        await sleep(50)
        state = backfill(path)
      }
      assert.ok(state.expected > 4096)
      assert.equal(state.inFile, state.expected)
    } finally {
      await store.close()
    }
  })

  it('closes its own connection first on close, so the store leaves no WAL behind', async () => {
    const path = tempPath('checkpoint-close')
    const store = openSqliteStore(path)
    await store.migrate()
    assert.ok(existsSync(`${path}-wal`))
    // SQLite removes the WAL when the last connection to the file closes; a checkpointer still
    // holding its connection would leave it there.
    await store.close()
    assert.equal(existsSync(`${path}-wal`), false)
  })

  it('the compiled worker (dist/, as `latchkey serve` runs it) checkpoints too', async () => {
    // The runner compiles src/ to dist/ before any test; this loads the compiled checkpointer,
    // which starts dist/store/sqlite/checkpoint-worker.js with plain Node, no tsx involved.
    const compiled = new URL('../../../dist/store/sqlite/checkpointer.js', import.meta.url)
    assert.ok(existsSync(compiled), 'dist/ is built (node scripts/run-tests.mjs builds it first)')
    const { startCheckpointer: startCompiled } = (await import(compiled.href)) as { startCheckpointer: StartCheckpointer }
    const { path, checkpointer, write, close } = walDatabase('checkpoint-dist', { walLimitBytes: 64 * 1024 }, startCompiled)
    try {
      for (let i = 0; i < 10; i++) write()
      const report = await checkpointer.checkpointNow()
      assert.equal(report.truncate, 'done', JSON.stringify(report))
      assert.equal(walBytes(path), 0)
    } finally {
      await close()
    }
  })
})

describe('SQLite WAL size under steady writes', () => {
  const limit = 1024 * 1024

  it('a checkpoint past the bound starts the WAL over from empty; below it, the WAL is left to be reused', async () => {
    const { path, db, checkpointer, write, close } = walDatabase('wal', { walLimitBytes: limit })
    try {
      let written = 0
      // Round after round of writes, each past the bound: every checkpoint truncates, so the WAL
      // never holds more than one round (without it, these 4 000 commits leave ~60 MB of WAL).
      for (let round = 0; round < 8; round++) {
        while (walBytes(path) <= limit) {
          write()
          written++
        }
        const report = await checkpointer.checkpointNow()
        assert.ok(report.walBytesBefore > limit, JSON.stringify(report))
        assert.equal(report.truncate, 'done', JSON.stringify(report))
        assert.equal(report.walBytesAfter, 0)
        assert.equal(walBytes(path), 0)
      }
      // Below the bound, a checkpoint copies the frames (PASSIVE) and leaves the file in place:
      // SQLite reuses it from the start, so it does not grow either.
      for (let i = 0; i < 5; i++) write()
      written += 5
      const small = await checkpointer.checkpointNow()
      assert.equal(small.truncate, 'not-needed')
      assert.ok('complete' in small.passive && small.passive.complete, JSON.stringify(small))
      assert.ok(small.walBytesAfter > 0 && small.walBytesAfter <= limit)
      assert.equal((db.prepare('SELECT count(*) AS n FROM rows').get() as { n: number }).n, written, 'every write is there')
    } finally {
      await close()
    }
  })

  it('a reader holding an old snapshot keeps the WAL (the truncate reports busy); the next checkpoint after it finishes empties it', async () => {
    const { path, checkpointer, write, close } = walDatabase('wal-reader', { walLimitBytes: 64 * 1024 })
    const reader = new BetterSqlite3(path)
    try {
      for (let i = 0; i < 10; i++) write()
      reader.exec('BEGIN')
      reader.prepare('SELECT count(*) FROM rows').get()
      for (let i = 0; i < 10; i++) write()
      // The worker's busy timeout (1 s) runs out while the reader holds its snapshot.
      const held = await checkpointer.checkpointNow()
      assert.equal(held.truncate, 'busy', JSON.stringify(held))
      assert.ok(walBytes(path) > 0)
      reader.exec('COMMIT')
      const freed = await checkpointer.checkpointNow()
      assert.equal(freed.truncate, 'done', JSON.stringify(freed))
      assert.equal(walBytes(path), 0)
    } finally {
      reader.close()
      await close()
    }
  })

  it('writers keep going while the worker checkpoints, and lose nothing', async () => {
    const { path, db, checkpointer, write, close } = walDatabase('wal-concurrent', { walLimitBytes: limit })
    try {
      // Checkpoints asked for while writes go on between them, whichever wins each race.
      const checkpoints: Promise<unknown>[] = []
      for (let i = 0; i < 2_000; i++) {
        write()
        if (i % 100 === 0) checkpoints.push(checkpointer.checkpointNow())
        if (i % 10 === 0) await new Promise<void>((resolve) => setImmediate(resolve))
      }
      await Promise.all(checkpoints)
      assert.equal((db.prepare('SELECT count(*) AS n FROM rows').get() as { n: number }).n, 2_000)
      // Once writes stop, one checkpoint brings the WAL back within its bound, whatever happened before.
      const settled = await checkpointer.checkpointNow()
      assert.notEqual(settled.truncate, 'busy', JSON.stringify(settled))
      assert.ok(walBytes(path) <= limit)
    } finally {
      await close()
    }
  })
})
