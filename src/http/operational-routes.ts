import { keyCheckPasses } from '../auth/key-check.ts'
import { ApiError } from '../contract/api-error.ts'
import type { Store } from '../store/store.ts'
import { jsonAnswer } from './writer.ts'
import type { Endpoint } from './endpoint.ts'
import type { Lifecycle } from './lifecycle.ts'
import type { Metrics } from './metrics.ts'
import type { StorageWatch } from './storage-watch.ts'

const OK = jsonAnswer('{"ok":true}')

/**
 * - `/health`: liveness. The process answers; restart it only if this fails.
 * - `/ready`: readiness. The store answers, the database's key check names a key this server
 *   holds, writes are not failing for want of space (storage-watch.ts), and the server is not
 *   draining; a load balancer sends traffic only while this is 200.
 * - `/metrics`: Prometheus text.
 * - `/openapi.json`: the API as served.
 * All of them answer while the server is closing (probes must see the truth, not a blanket 503)
 * and are never rate limited.
 */
export const operationalEndpoints = (options: {
  store: Store
  storage: StorageWatch
  lifecycle: Lifecycle
  metrics: Metrics
  keys: Buffer[] | null
  /** The OpenAPI document, built when first asked for (its module and the JSON Schemas cost start-up time). */
  openApi: () => Promise<unknown>
  /** In a worker of `serve --workers N`: every worker's metrics summed, from the primary. */
  clusterMetrics?: () => Promise<{ text: string; contentType: string }>
}): Endpoint[] => {
  const { store, storage, lifecycle, metrics, keys, clusterMetrics } = options
  const unready = (message: string) => new ApiError(503, 'service_unavailable', message)
  let openApiJson: Promise<string> | undefined
  return [
    { pattern: '/health', method: 'GET', operational: true, answer: async () => OK },
    {
      pattern: '/ready',
      method: 'GET',
      operational: true,
      async answer() {
        if (lifecycle.draining) throw unready('The server is shutting down.')
        let passes: boolean
        try {
          passes = keys === null ? (await store.ping(), true) : await keyCheckPasses(store, keys)
        } catch {
          throw unready('The store is not answering.')
        }
        if (!passes) throw unready("The key in use does not match the database's key check.")
        if (!(await storage.writable().catch(() => false)))
          throw unready("The database's storage is full: writes fail until space is freed.")
        return OK
      },
    },
    {
      pattern: '/metrics',
      method: 'GET',
      operational: true,
      async answer() {
        if (clusterMetrics === undefined)
          return { status: 200, body: await metrics.registry.metrics(), contentType: metrics.registry.contentType }
        try {
          const { text, contentType } = await clusterMetrics()
          return { status: 200, body: text, contentType }
        } catch {
          throw new ApiError(503, 'service_unavailable', "The other workers' metrics could not be gathered.")
        }
      },
    },
    {
      pattern: '/openapi.json',
      method: 'GET',
      operational: true,
      answer: async () => jsonAnswer(await (openApiJson ??= options.openApi().then((doc) => JSON.stringify(doc)))),
    },
  ]
}

/**
 * Seam Components post usage telemetry to `/internal/tlmtry` with no credentials (contract §7).
 * Latchkey keeps none of it: the endpoint exists so a page's console shows no failed request.
 * Whatever the body's type, it is read within the body limit and dropped.
 */
export const telemetrySink = (bodyLimit: number): Endpoint => ({
  pattern: '/internal/tlmtry',
  method: 'POST',
  bodyLimit,
  answer: async () => ({ status: 204 }),
})
