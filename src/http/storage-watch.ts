import type { Clock } from '../clock.ts'
import type { Store } from '../store/store.ts'

/** SQLite's SQLITE_FULL, PostgreSQL's disk_full (SQLSTATE 53100): the database has no room to write. */
export const isStorageFull = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'SQLITE_FULL' || code === '53100'
}

const PROBE = 'readiness_write_probe'
const PROBE_BYTES = 256 * 1024

/**
 * Whether writes are failing for want of space, for readiness. A full disk still answers reads
 * (and `SELECT 1`), so readiness cannot learn it from a ping: a write that fails this way marks the
 * storage full, and while it is marked, readiness tries a write of its own (a server setting,
 * larger than any request writes) and reports ready again only once that succeeds.
 */
export class StorageWatch {
  #full = false

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Called with every failed store operation. */
  observe(error: unknown): void {
    if (isStorageFull(error)) this.#full = true
  }

  /** True when writes succeed (or were never seen failing for want of space). */
  async writable(): Promise<boolean> {
    if (!this.#full) return true
    try {
      // Larger than any one request's write, so that room for it is room for them; then shrunk.
      await this.store.putSetting(PROBE, `${this.clock.now().toISOString()} ${'.'.repeat(PROBE_BYTES)}`)
      await this.store.putSetting(PROBE, this.clock.now().toISOString())
      this.#full = false
      return true
    } catch (error) {
      if (!isStorageFull(error)) throw error
      return false
    }
  }
}
