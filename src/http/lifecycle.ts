import type { Server } from 'node:http'

const POLL_MS = 25

/**
 * Where the server is between start and exit:
 * - serving;
 * - draining: readiness answers 503 so load balancers stop sending, requests are still served;
 * - closing: new requests get 503 service_unavailable in the error envelope (and their
 *   connection closes), in-flight ones finish, and `whenIdle` resolves once none is left.
 *
 * Nothing is counted per request: a request in flight is exactly a connection Node does not
 * consider idle, so `whenIdle` closes idle keep-alive connections and waits until the server
 * holds none; tracking each request would cost every request something (docs/performance.md).
 */
export class Lifecycle {
  draining = false
  closing = false
  private server: Server | undefined

  attach(server: Server): void {
    this.server = server
  }

  startDraining(): void {
    this.draining = true
  }

  startClosing(): void {
    this.draining = true
    this.closing = true
  }

  /** Resolves when the server holds no connection with a request in flight. */
  whenIdle(): Promise<void> {
    const server = this.server
    if (server === undefined) return Promise.resolve()
    return new Promise((resolve) => {
      const check = () => {
        server.closeIdleConnections()
        server.getConnections((error, open) => {
          if (error !== null || open === 0) resolve()
          else setTimeout(check, POLL_MS).unref()
        })
      }
      check()
    })
  }
}
