import type { IncomingMessage, ServerResponse } from 'node:http'

/** What the request log line and the metrics say about a request beyond method, route and status. */
export interface RequestFacts {
  workspace_id: string | null
  /** Which kind of credential authenticated the request, never the credential itself. */
  credential: string | null
  error_type: string | null
}

/**
 * Types only: one request on its way through the pipeline (pipeline.ts) to its one answer (writer.ts): what
 * every step may read, and what the steps before the answer add to it.
 */
export interface Exchange {
  readonly request: IncomingMessage
  readonly response: ServerResponse
  /** Named by the `seam-request-id` header, the error envelope and the log line. */
  readonly requestId: string
  /** When the request was taken up (performance.now()), for the log line's duration. */
  readonly started: number
  /** The event-loop pass that took the request up (pass-writer.ts). */
  readonly pass: number
  /** The matched pattern, for the log line and the metrics; null while (or when) none matched. */
  pattern: string | null
  readonly facts: RequestFacts
  /** Headers every answer to this request carries, as a flat name/value list, in order. */
  readonly headers: string[]
  /** Set once the pipeline has read the whole body (writer.ts closes lingeringly otherwise). */
  bodyRead: boolean
}
