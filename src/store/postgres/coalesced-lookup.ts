import { isStoreUnavailable } from '../unavailable.ts'

/** A request waiting for its key's row. */
interface Waiter<Row> {
  resolve(row: Row | undefined): void
  reject(error: unknown): void
}

export interface CoalescedLookupOptions {
  /** Statements running at once; more keys wait for the next statement. */
  maxInFlight: number
  /** Keys in one statement at most. */
  maxKeys: number
}

/**
 * What the PostgreSQL store's engine uses for its hot lookups (its batching's `coalesce`). One
 * statement in flight gave the most reads per second of the counts tried (docs/performance.md):
 * bigger batches cost PostgreSQL less per key, and a batch of 64 is short enough that one
 * instance is not capped by it.
 */
export const COALESCED_READS: CoalescedLookupOptions = { maxInFlight: 1, maxKeys: 64 }

/**
 * Lookups by one key that share round trips under load: while `maxInFlight` statements are
 * already running, new keys wait together and go out as one statement (`WHERE key = ANY($1)`)
 * when a slot frees. With a free slot a key goes out at once, so a lone request waits for
 * nothing.
 *
 * Freshness is the same as one statement per request: a key only ever joins a statement that has
 * not been sent yet, never one already running, so every answer was read after its request
 * arrived. A revocation committed before a request is therefore seen by it, on every instance.
 * Nothing is remembered between statements.
 *
 * On PostgreSQL the database, not Node, bounds a hot read, and one statement for many keys costs
 * it far less per key than a statement each, so under load one round trip carrying many requests
 * costs the database far less per request (docs/performance.md has the measures).
 */
export const coalescedLookup = <Row>(
  runMany: (keys: string[]) => Promise<readonly Row[]>,
  keyOf: (row: Row) => string,
  { maxInFlight, maxKeys }: CoalescedLookupOptions,
): ((key: string) => Promise<Row | undefined>) => {
  let waiting = new Map<string, Waiter<Row>[]>()
  let inFlight = 0

  const settle = (batch: Map<string, Waiter<Row>[]>, rows: readonly Row[]) => {
    const found = new Map<string, Row>()
    for (const row of rows) found.set(keyOf(row), row)
    for (const [key, waiters] of batch) for (const waiter of waiters) waiter.resolve(found.get(key))
  }

  /** A rejection even when runMany throws before it has a promise to give. */
  const rowsOf = (keys: string[]): Promise<readonly Row[]> => new Promise((resolve) => resolve(runMany(keys)))

  /**
   * Runs one statement for the batch. If it fails and carried more than one key, each key is
   * tried again in a statement of its own, so a key that cannot be read fails only the requests
   * that sent it, never the others that happened to share its statement. An outage is not
   * split: it fails them all.
   */
  const run = async (batch: Map<string, Waiter<Row>[]>): Promise<void> => {
    try {
      settle(batch, await rowsOf([...batch.keys()]))
      return
    } catch (error) {
      // An outage fails every key alike: trying each alone would only wait on it again.
      if (batch.size === 1 || isStoreUnavailable(error)) {
        for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error)
        return
      }
    }
    await Promise.all(
      [...batch].map(async ([key, waiters]) => {
        const alone = new Map([[key, waiters]])
        try {
          settle(alone, await rowsOf([key]))
        } catch (error) {
          for (const waiter of waiters) waiter.reject(error)
        }
      }),
    )
  }

  const takeBatch = (): Map<string, Waiter<Row>[]> => {
    if (waiting.size <= maxKeys) {
      const batch = waiting
      waiting = new Map()
      return batch
    }
    const batch = new Map<string, Waiter<Row>[]>()
    for (const [key, waiters] of waiting) {
      if (batch.size === maxKeys) break
      batch.set(key, waiters)
      waiting.delete(key)
    }
    return batch
  }

  const dispatch = (): void => {
    while (inFlight < maxInFlight && waiting.size > 0) {
      const batch = takeBatch()
      inFlight++
      // run() settles every waiter itself and never rejects.
      void run(batch).finally(() => {
        inFlight--
        dispatch()
      })
    }
  }

  return (key) =>
    new Promise<Row | undefined>((resolve, reject) => {
      const waiters = waiting.get(key)
      if (waiters === undefined) waiting.set(key, [{ resolve, reject }])
      else waiters.push({ resolve, reject })
      dispatch()
    })
}
