import type { Logger } from 'pino'

import type { AppContext, AppParts } from '../domain/context.ts'
import { createClientSessionJson } from '../domain/resources/client-session-json.ts'
import { timeStore } from '../store/timed-store.ts'
import type { HistogramSeries } from './metric-families.ts'
import type { Metrics } from './metrics.ts'
import type { StorageWatch } from './storage-watch.ts'

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
  return { ...context, store, tokenCipher: reportingCipher, caches: { clientSessionJson: createClientSessionJson(reportingCipher) } }
}
