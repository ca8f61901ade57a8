import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, it } from 'node:test'

import BetterSqlite3 from 'better-sqlite3'

import { openSqliteStore } from '../../../src/store/sqlite/open-sqlite-store.ts'

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

describe('SQLite background checkpoints', () => {
  it('copies committed writes into the database file while the server runs, off the request path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'latchkey-checkpoint-'))
    const path = join(dir, 'data.sqlite')
    const store = openSqliteStore(path)
    try {
      // Migrations and a write: a few dozen pages, far below SQLite's own 1 000-page threshold,
      // so without the background checkpointer they would stay in the WAL while the store is open.
      await store.migrate()
      await store.createWorkspace({ workspaceId: randomUUID(), name: 'Checkpointed', isSandbox: true, createdAt: new Date().toISOString() })
      let state = backfill(path)
      for (let waited = 0; state.inFile < state.expected && waited < 5_000; waited += 50) {
        await sleep(50)
        state = backfill(path)
      }
      assert.ok(state.expected > 4096)
      assert.equal(state.inFile, state.expected)
    } finally {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('closes its own connection first on close, so the store leaves no WAL behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'latchkey-checkpoint-'))
    const path = join(dir, 'data.sqlite')
    const store = openSqliteStore(path)
    await store.migrate()
    assert.ok(existsSync(`${path}-wal`))
    // SQLite removes the WAL when the last connection to the file closes; a checkpointer still
    // holding its connection would leave it there.
    await store.close()
    assert.equal(existsSync(`${path}-wal`), false)
    rmSync(dir, { recursive: true, force: true })
  })
})

describe('SQLite WAL size under steady writes', () => {
  it('stays near its bound: a TRUNCATE checkpoint starts the WAL over once it passes it', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'latchkey-wal-'))
    const path = join(dir, 'data.sqlite')
    const limit = 1024 * 1024
    const store = openSqliteStore(path, { walLimitBytes: limit })
    try {
      await store.migrate()
      const workspaceId = randomUUID()
      await store.createWorkspace({ workspaceId, name: 'Busy', isSandbox: true, createdAt: new Date().toISOString() })
      let largest = 0
      let written = 0
      // Four writers and readers at once, a fixed number of commits (each commit adds ~15 KB of
      // WAL: without the bound, 4 000 of them leave a WAL of about 60 MB).
      const writer = async () => {
        while (written < 4_000) {
          written++
          const at = new Date().toISOString()
          const clientSessionId = randomUUID()
          await store.insertClientSession({
            clientSessionId,
            workspaceId,
            tokenId: randomUUID().slice(0, 8),
            secretHash: 'x'.repeat(64),
            tokenCiphertext: 'y'.repeat(80),
            userIdentifierKey: randomUUID(),
            userIdentityId: null,
            customerId: null,
            customerKey: null,
            connectedAccountIds: [],
            connectWebviewIds: [],
            createdAt: at,
            expiresAt: at,
          })
          await store.getClientSession(workspaceId, clientSessionId)
          if (existsSync(`${path}-wal`)) largest = Math.max(largest, statSync(`${path}-wal`).size)
        }
      }
      await Promise.all([writer(), writer(), writer(), writer()])
      // The bound is checked every 100 ms, so the WAL can pass it by what that long writes; far
      // from the ~60 MB it reaches without it.
      assert.ok(largest < 24 * limit, `the WAL reached ${(largest / 1e6).toFixed(1)} MB with a 1 MB bound`)
      const sessions = await store.listClientSessions(workspaceId, {}, 5_000, undefined)
      assert.equal(sessions.items.length, 4_000, 'every write is there')
    } finally {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
