import type { FastifyInstance } from 'fastify'

import { keyCheckPasses } from '../auth/key-check.ts'
import { ApiError } from '../contract/api-error.ts'
import type { Store } from '../store/store.ts'
import { sendError } from './error-envelope.ts'
import type { Lifecycle } from './lifecycle.ts'
import type { Metrics } from './metrics.ts'
import type { StorageWatch } from './storage-watch.ts'

/**
 * - `/health`: liveness. The process answers; restart it only if this fails.
 * - `/ready`: readiness. The store answers, the database's key check names a key this server
 *   holds, writes are not failing for want of space (storage-watch.ts), and the server is not draining; a load balancer sends traffic only while this is 200.
 * - `/metrics`: Prometheus text.
 */
export const installOperationalRoutes = (
  app: FastifyInstance,
  options: {
    store: Store
    storage: StorageWatch
    lifecycle: Lifecycle
    metrics: Metrics
    keys: Buffer[] | null
    /** In a worker of `serve --workers N`: every worker's metrics summed, from the primary. */
    clusterMetrics?: () => Promise<{ text: string; contentType: string }>
  },
): void => {
  const { store, storage, lifecycle, metrics, keys, clusterMetrics } = options
  app.get('/health', async () => ({ ok: true }))
  app.get('/ready', async (request, reply) => {
    const unready = (message: string) => sendError(reply, request, new ApiError(503, 'service_unavailable', message))
    if (lifecycle.draining) return unready('The server is shutting down.')
    try {
      if (keys === null) await store.ping()
      else if (!(await keyCheckPasses(store, keys))) return unready('The key in use does not match the database\'s key check.')
      if (!(await storage.writable())) return unready('The database\'s storage is full: writes fail until space is freed.')
    } catch {
      return unready('The store is not answering.')
    }
    return { ok: true }
  })
  app.get('/metrics', async (request, reply) => {
    if (clusterMetrics === undefined) return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics())
    try {
      const { text, contentType } = await clusterMetrics()
      return reply.type(contentType).send(text)
    } catch {
      return sendError(reply, request, new ApiError(503, 'service_unavailable', 'The other workers\' metrics could not be gathered.'))
    }
  })
}
