import type { Answer } from './writer.ts'
import type { Exchange } from './exchange.ts'

/** What an endpoint that is not an API route is given. */
export interface EndpointCall {
  exchange: Exchange
  /** The path's variable segment, for a pattern that has one (`:connect_webview_id`). */
  pathParam: string | undefined
  /** The request body, read within `bodyLimit`; empty when the endpoint reads none. */
  body: Buffer
}

/**
 * A page, probe or document served beside the API routes (webview pages, /health, /ready,
 * /metrics, /openapi.json, the telemetry sink). It takes the same pipeline as an API call; only
 * its answer is its own.
 */
export interface Endpoint {
  /** `/health`, or a pattern with one variable last segment: `/connect_webviews/view/:connect_webview_id`. */
  pattern: string
  method: 'GET' | 'POST'
  /** Probes and tooling: answered while the server is closing, and never rate limited. */
  operational?: boolean
  /** The largest body it reads; 0 (the default): it reads none. */
  bodyLimit?: number
  answer(call: EndpointCall): Promise<Answer>
}
