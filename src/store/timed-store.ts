import { performance } from 'node:perf_hooks'

import type { Store } from './store.ts'

export interface StoreObserver {
  /** Called once per store operation, with its name, duration and outcome. */
  (operation: string, seconds: number, outcome: { ok: true; result: unknown } | { ok: false; error: unknown }): void
}

/**
 * The same store, with every operation timed and reported. Wrapping here keeps the SQL free of
 * measuring code; the cost is two clock reads per operation (a double clock rather than a BigInt
 * one: a hot read goes through here on every request).
 */
export const timeStore = (store: Store, observe: StoreObserver): Store => {
  const report = (name: string, started: number, outcome: Parameters<StoreObserver>[2]) => observe(name, (performance.now() - started) / 1e3, outcome)
  const time = (name: string, operation: (args: unknown[]) => unknown) => (...args: unknown[]): unknown => {
    const started = performance.now()
    let answer: unknown
    try {
      answer = operation(args)
    } catch (error) {
      report(name, started, { ok: false, error })
      throw error
    }
    // An operation that answers a value rather than a promise is reported as it returns.
    if (!(answer instanceof Promise)) {
      report(name, started, { ok: true, result: answer })
      return answer
    }
    return answer.then(
      (result: unknown) => {
        report(name, started, { ok: true, result })
        return result
      },
      (error: unknown) => {
        report(name, started, { ok: false, error })
        throw error
      },
    )
  }
  const timed: Store = { ...store }
  for (const name of Object.keys(store)) {
    const operation: unknown = Reflect.get(store, name)
    // Each operation is replaced by its timed self, which takes and answers what it does.
    if (typeof operation === 'function') Object.assign(timed, { [name]: time(name, (args): unknown => Reflect.apply(operation, store, args)) })
  }
  return timed
}
