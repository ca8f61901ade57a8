import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'

import type { Database as BetterSqlite3Database } from 'better-sqlite3'

import type { CheckpointReply, CheckpointReport, CheckpointRequest, CheckpointWorkerData } from './checkpoint-worker.ts'

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
  /**
   * Runs one checkpoint now, as the timer would, and answers what it did. The WAL's bound is
   * proved with this (test/store/sqlite/checkpointer.test.ts), not by how soon a timer runs.
   */
  checkpointNow(): Promise<CheckpointReport>
  stop(): Promise<void>
}

export type { CheckpointReport }

/**
 * The worker is a module of its own (checkpoint-worker.ts), compiled to dist/ beside this one,
 * which is what `latchkey serve` runs. Run from source (tests, benchmarks, through tsx), it is the
 * .ts file, which a worker thread on Node 20 cannot load by itself: loaders registered with
 * `--import tsx` do not reach worker threads there. A one-line bootstrap then requires it through
 * tsx's CommonJS API, which transforms in the worker's own thread (the ESM API would start one
 * more loader thread for every worker).
 */
const spawnWorker = (workerData: CheckpointWorkerData): Worker => {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./checkpoint-worker.js', import.meta.url), { workerData })
  const source = JSON.stringify(fileURLToPath(new URL('./checkpoint-worker.ts', import.meta.url)))
  const tsx = JSON.stringify(createRequire(import.meta.url).resolve('tsx/cjs/api'))
  return new Worker(`require(${tsx}).require(${source}, ${source})`, { eval: true, workerData })
}

const AUTOMATIC_PAGES = 1000

/**
 * Where the WAL is cut back. A PASSIVE checkpoint copies frames but never restarts the WAL, and
 * under steady writes SQLite rarely finds the moment to restart it by itself: measured here, 16 000
 * creates in 20 s grew it to 249 MB beside a 14 MB database. Past this size the worker runs a
 * TRUNCATE checkpoint, which waits (up to its busy timeout) for a moment between two commits,
 * copies the rest and empties the file; writers wait for it meanwhile.
 */
export const WAL_LIMIT_BYTES = 16 * 1024 * 1024

export interface CheckpointerOptions {
  /** How often the worker checkpoints; null for never by itself, only through checkpointNow(). */
  intervalMs?: number | null
  walLimitBytes?: number
}

export const startCheckpointer = (
  database: BetterSqlite3Database,
  path: string,
  { intervalMs = 100, walLimitBytes = WAL_LIMIT_BYTES }: CheckpointerOptions = {},
): Checkpointer => {
  const worker = spawnWorker({ path, intervalMs, walLimitBytes })
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
  let nextId = 0
  const waiting = new Map<number, { resolve: (report: CheckpointReport) => void; reject: (error: Error) => void }>()
  worker.on('message', ({ id, report }: CheckpointReply) => {
    waiting.get(id)?.resolve(report)
    waiting.delete(id)
  })
  void exited.then(() => {
    for (const { reject } of waiting.values()) reject(new Error('the checkpoint worker exited'))
    waiting.clear()
  })
  return {
    checkpointNow() {
      const id = nextId++
      const request: CheckpointRequest = { kind: 'checkpoint', id }
      return new Promise<CheckpointReport>((resolve, reject) => {
        waiting.set(id, { resolve, reject })
        worker.postMessage(request)
      })
    },
    async stop() {
      stopping = true
      // Referenced again so the process waits for the worker to close its connection.
      worker.ref()
      const request: CheckpointRequest = { kind: 'stop' }
      worker.postMessage(request)
      await exited
    },
  }
}
