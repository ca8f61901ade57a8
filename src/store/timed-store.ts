import { performance } from 'node:perf_hooks'

import { isPromise } from '../maybe-promise.ts'
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
    const operation = value as (...args: unknown[]) => unknown
    // A plain function rather than an async one, and a double clock rather than a BigInt one: a
    // hot read goes through here twice per request. An answer that is already here (the SQLite
    // read memo's) is reported and handed on as it is, without a promise (maybe-promise.ts); a
    // throw is reported and thrown on, as a rejection is reported and passed on.
    timed[name] = (...args: unknown[]) => {
      const started = performance.now()
      let answer: unknown
      try {
        answer = operation(...args)
      } catch (error) {
        observe(name, (performance.now() - started) / 1e3, { ok: false, error })
        throw error
      }
      if (!isPromise(answer)) {
        observe(name, (performance.now() - started) / 1e3, { ok: true, result: answer })
        return answer
      }
      return answer.then(
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
