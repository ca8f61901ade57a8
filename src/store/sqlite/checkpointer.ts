import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

import type { Database as BetterSqlite3Database } from 'better-sqlite3'

/**
 * Moves WAL checkpoints off the request path. By default SQLite checkpoints inside the commit
 * that crosses 1 000 WAL pages: that one write request then copies every page back into the
 * database file and waits for fsync, on the event loop. Measured here that was half the cost of
 * a commit (create: 290 µs per commit with automatic checkpoints, 126 µs without).
 *
 * Instead a worker thread with its own connection runs a PASSIVE checkpoint every
 * `intervalMs`. PASSIVE never blocks readers or writers and only copies what is already
 * committed. Durability is unchanged: an acknowledged write is in the WAL, which survives a
 * process crash, and each checkpoint first syncs the WAL to disk (now within 100 ms of a write
 * rather than once per 1 000 pages). If the worker cannot run, the main connection goes back to
 * automatic checkpoints, so the WAL never grows without bound. The WAL's size is bounded too (see
 * WAL_LIMIT_BYTES).
 */
export interface Checkpointer {
  stop(): Promise<void>
}

// Plain CommonJS evaluated in the worker: no TypeScript loader is needed there.
const WORKER_SOURCE = `
const fs = require('node:fs')
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.path)
db.pragma('busy_timeout = 1000')
const walPath = workerData.path + '-wal'
const walSize = () => { try { return fs.statSync(walPath).size } catch { return 0 } }
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
    // Past the bound, wait for a moment without writers and start the WAL over from empty.
    if (walSize() > workerData.walLimitBytes) db.pragma('wal_checkpoint(TRUNCATE)')
  } catch { /* busy: next tick */ }
}
const timer = setInterval(checkpoint, workerData.intervalMs)
parentPort.on('message', () => {
  clearInterval(timer)
  checkpoint()
  db.close()
  parentPort.close()
})
`

const AUTOMATIC_PAGES = 1000

/**
 * Where the WAL is cut back. A PASSIVE checkpoint copies frames but never restarts the WAL, and
 * under steady writes SQLite rarely finds the moment to restart it by itself: measured here, 16 000
 * creates in 20 s grew it to 249 MB beside a 14 MB database. Past this size the worker runs a
 * TRUNCATE checkpoint, which waits (up to its busy timeout) for a moment between two commits,
 * copies the rest and empties the file; writers wait for it meanwhile.
 */
export const WAL_LIMIT_BYTES = 16 * 1024 * 1024

export const startCheckpointer = (database: BetterSqlite3Database, path: string, { intervalMs = 100, walLimitBytes = WAL_LIMIT_BYTES } = {}): Checkpointer => {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path, intervalMs, walLimitBytes } })
  database.pragma('wal_autocheckpoint = 0')
  let stopping = false
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  const fallBack = () => {
    if (!stopping && database.open) database.pragma(`wal_autocheckpoint = ${AUTOMATIC_PAGES}`)
  }
  worker.on('error', fallBack)
  worker.on('exit', fallBack)
  // The worker must never keep a finished process alive.
  worker.unref()
  return {
    async stop() {
      stopping = true
      // Referenced again so the process waits for the worker to close its connection.
      worker.ref()
      worker.postMessage('stop')
      await exited
    },
  }
}
