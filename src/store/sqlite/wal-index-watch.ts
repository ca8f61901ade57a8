import { closeSync, openSync, readSync } from 'node:fs'

/** The first copy of the WAL-index header: its size in the `-shm` file (sqlite.org/walformat.html). */
const HEADER_BYTES = 48

export interface WalIndexWatch {
  /** True when any connection, in any process, has committed since the previous call. */
  changed(): boolean
  close(): void
}

/**
 * Tells whether the database changed by reading the WAL-index header that every SQLite connection
 * on the file shares through `<database>-shm`. A commit rewrites the header (its change counter,
 * frame count and checksums; a WAL restart its salts), so comparing the header's bytes with the
 * last ones seen detects every commit. It answers what `PRAGMA data_version` answers, for one
 * pread instead of a statement that opens a read transaction and takes the `-shm` locks, a
 * fraction of the cost (docs/performance.md).
 *
 * Why reading it unlocked is exact: a writer stores the header's second copy, then the first,
 * and SQLite readers trust a header only when both copies agree, so a commit is visible to any
 * reader only once the first copy (the one read here) holds it. Seeing the old first copy means
 * this request is ordered before that commit, as it would be with a real read transaction; a
 * half-written first copy differs from the last one seen, which only empties the memo.
 *
 * Undefined when the file has no `-shm` (not in WAL mode); the caller then asks SQLite.
 */
export const watchWalIndex = (databasePath: string): WalIndexWatch | undefined => {
  let fd: number
  try {
    fd = openSync(`${databasePath}-shm`, 'r')
  } catch {
    return undefined
  }
  let seen = Buffer.alloc(HEADER_BYTES)
  let next = Buffer.alloc(HEADER_BYTES)
  readSync(fd, seen, 0, HEADER_BYTES, 0)
  return {
    changed() {
      readSync(fd, next, 0, HEADER_BYTES, 0)
      if (next.equals(seen)) return false
      ;[seen, next] = [next, seen]
      return true
    },
    close: () => closeSync(fd),
  }
}
