import { performance } from 'node:perf_hooks'

import type { Logger } from 'pino'

import type { AppContext, AppParts } from '../domain/context.ts'
import type { Store } from '../store/store.ts'
import { createDeviceJson } from '../domain/resources/device-json.ts'
import { createClientSessionJson } from '../domain/resources/client-session-json.ts'
import type { HistogramSeries } from './metric-families.ts'
import type { Metrics } from './metrics.ts'
import type { StorageWatch } from './storage-watch.ts'

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
  const report = (name: string, started: number, outcome: Parameters<StoreObserver>[2]) =>
    observe(name, (performance.now() - started) / 1e3, outcome)
  const time =
    (name: string, operation: (args: unknown[]) => unknown) =>
    (...args: unknown[]): unknown => {
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
    if (typeof operation === 'function')
      Object.assign(timed, { [name]: time(name, (args): unknown => Reflect.apply(operation, store, args)) })
  }
  return timed
}

/**
 * The context handlers see, with its store timed into the metrics (and session counts taken from
 * the store's answers), its cipher reporting tokens no key can open, and this app's caches.
 */
export const instrumentContext = (context: AppParts, metrics: Metrics, log: Pick<Logger, 'warn'>, storage: StorageWatch): AppContext => {
  // One series per operation, looked up once.
  const timers = new Map<string, HistogramSeries>()
  const store = timeStore(context.store, (operation, seconds, outcome) => {
    let timer = timers.get(operation)
    if (timer === undefined) timers.set(operation, (timer = metrics.storeDuration.series(operation)))
    timer.observe(seconds)
    if (!outcome.ok) {
      metrics.storeErrors.inc({ operation })
      storage.observe(outcome.error)
      return
    }
    // An insert answers the new session, or undefined when none was made; the others true when they changed something.
    if (operation === 'insertClientSession') {
      if (outcome.result !== undefined) metrics.sessionsCreated.inc()
      return
    }
    if (outcome.result !== true) return
    if (operation === 'revokeClientSession') metrics.sessionsRevoked.inc()
    else if (operation === 'deleteClientSession') metrics.sessionsDeleted.inc()
  })
  const { tokenCipher } = context
  const reportingCipher: AppContext['tokenCipher'] = {
    encrypt: (plaintext, boundTo) => tokenCipher.encrypt(plaintext, boundTo),
    decrypt(ciphertext, boundTo) {
      try {
        return tokenCipher.decrypt(ciphertext, boundTo)
      } catch (error) {
        metrics.tokensUndecryptable.inc()
        log.warn({ client_session_id: boundTo, error_type: 'token_undecryptable' }, 'no configured key decrypts this client session token')
        throw error
      }
    },
  }
  return {
    ...context,
    store,
    tokenCipher: reportingCipher,
    caches: { clientSessionJson: createClientSessionJson(reportingCipher), deviceJson: createDeviceJson() },
  }
}
