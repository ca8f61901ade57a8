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
    timed[name] = async (...args: unknown[]) => {
      const started = process.hrtime.bigint()
      try {
        const result = await operation(...args)
        observe(name, Number(process.hrtime.bigint() - started) / 1e9, { ok: true, result })
        return result
      } catch (error) {
        observe(name, Number(process.hrtime.bigint() - started) / 1e9, { ok: false, error })
        throw error
      }
    }
  }
  return timed as unknown as Store
}
