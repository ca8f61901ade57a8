import { performance } from 'node:perf_hooks'

import type { Store } from './store.ts'

export interface StoreObserver {
  /** Called once per store operation, with its name, duration and outcome. */
  (operation: string, seconds: number, outcome: { ok: true; result: unknown } | { ok: false; error: unknown }): void
}

/**
 * The same store, with every operation timed and reported. Wrapping here keeps the SQL free of
 * measuring code; the cost is two clock reads per operation.
 */
export const timeStore = (store: Store, observe: StoreObserver): Store => {
  const timed: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(store)) {
    if (typeof value !== 'function') {
      timed[name] = value
      continue
    }
    const operation = value as (...args: unknown[]) => Promise<unknown>
    // A plain function chaining on the operation's promise rather than an async one awaiting it,
    // and a double clock rather than a BigInt one: a hot read goes through here twice per request.
    timed[name] = (...args: unknown[]) => {
      const started = performance.now()
      let pending: Promise<unknown>
      try {
        // As an async wrapper would: a synchronous throw is a failed operation too.
        pending = Promise.resolve(operation(...args))
      } catch (error) {
        pending = Promise.reject(error)
      }
      return pending.then(
        (result) => {
          observe(name, (performance.now() - started) / 1e3, { ok: true, result })
          return result
        },
        (error: unknown) => {
          observe(name, (performance.now() - started) / 1e3, { ok: false, error })
          throw error
        },
      )
    }
  }
  return timed as unknown as Store
}
