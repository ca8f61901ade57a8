import { statSync } from 'node:fs'
import { isMainThread, parentPort, workerData } from 'node:worker_threads'

import BetterSqlite3 from 'better-sqlite3'

/**
 * The checkpointer's worker thread (see checkpointer.ts for why checkpoints run here): its own
 * connection to the database, a PASSIVE checkpoint every `intervalMs`, and a TRUNCATE one once
 * the WAL has passed `walLimitBytes`. The main thread may also ask for a checkpoint and is told
 * what it did, which is how the tests prove the WAL's bound without racing the timer.
 */
export interface CheckpointWorkerData {
  path: string
  /** Null: no timer, checkpoints only when asked (tests). */
  intervalMs: number | null
  walLimitBytes: number
}

/** What the main thread sends. */
export type CheckpointRequest = { kind: 'checkpoint'; id: number } | { kind: 'stop' }

/** What one checkpoint did. */
export interface CheckpointReport {
  /** The WAL file's size before and after, in bytes (0 when it does not exist). */
  walBytesBefore: number
  walBytesAfter: number
  /** The PASSIVE checkpoint: whether it ran to the end of the WAL, and the frames it copied. */
  passive: { complete: boolean; walFrames: number; checkpointedFrames: number } | { error: string }
  /** Whether a TRUNCATE was needed (the WAL past its bound), and whether it emptied the WAL. */
  truncate: 'not-needed' | 'done' | 'busy'
}

/** The worker's answer to a `checkpoint` request. */
export interface CheckpointReply {
  id: number
  report: CheckpointReport
}

interface CheckpointRow {
  busy: number
  log: number
  checkpointed: number
}

const run = (data: CheckpointWorkerData) => {
  const port = parentPort
  if (port === null) return
  const db = new BetterSqlite3(data.path)
  db.pragma('busy_timeout = 1000')
  const walPath = `${data.path}-wal`
  const walSize = () => {
    try {
      return statSync(walPath).size
    } catch {
      return 0
    }
  }

  const checkpoint = (): CheckpointReport => {
    const walBytesBefore = walSize()
    let passive: CheckpointReport['passive']
    try {
      const [row] = db.pragma('wal_checkpoint(PASSIVE)') as CheckpointRow[]
      // A PASSIVE checkpoint is complete when every frame of the WAL is in the database file.
      passive = {
        complete: row !== undefined && row.busy === 0 && row.checkpointed === row.log,
        walFrames: row?.log ?? 0,
        checkpointedFrames: row?.checkpointed ?? 0,
      }
    } catch (error) {
      // SQLITE_BUSY and the like: the next tick tries again.
      passive = { error: error instanceof Error ? error.message : String(error) }
    }
    let truncate: CheckpointReport['truncate'] = 'not-needed'
    // Past the bound, wait (up to the busy timeout) for a moment without writers and start the
    // WAL over from empty.
    if (walSize() > data.walLimitBytes) {
      try {
        const [row] = db.pragma('wal_checkpoint(TRUNCATE)') as CheckpointRow[]
        truncate = row !== undefined && row.busy === 0 ? 'done' : 'busy'
      } catch {
        truncate = 'busy'
      }
    }
    return { walBytesBefore, walBytesAfter: walSize(), passive, truncate }
  }

  const timer = data.intervalMs === null ? undefined : setInterval(checkpoint, data.intervalMs)
  port.on('message', (request: CheckpointRequest) => {
    if (request.kind === 'checkpoint') {
      const reply: CheckpointReply = { id: request.id, report: checkpoint() }
      port.postMessage(reply)
      return
    }
    clearInterval(timer)
    checkpoint()
    db.close()
    port.close()
  })
}

if (!isMainThread) run(workerData as CheckpointWorkerData)
