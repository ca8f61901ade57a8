import { ApiError } from '../contract/api-error.ts'
import { isStoreUnavailable } from '../store/unavailable.ts'
import { type Answer, JSON_TYPE } from './writer.ts'
import { isStorageFull } from './storage-watch.ts'

/**
 * A refusal made by the HTTP layer itself, with what it needs beyond the envelope: headers of
 * its own (retry-after) and whether the connection should close after it (the request may carry
 * bytes nobody will read).
 */
export class HttpRefusal extends ApiError {
  constructor(
    status: number,
    type: string,
    message: string,
    readonly answerHeaders: readonly string[] = [],
    readonly close = false,
  ) {
    super(status, type, message)
  }
}

/** Where an unexpected failure is reported, with the request it broke. */
export interface ErrorLog {
  warn(fields: Record<string, unknown>, message: string): void
  error(fields: Record<string, unknown>, message: string): void
}

const RETRY_SOON = ['retry-after', '1']

/**
 * The one place errors become contract errors. A store that cannot be reached is an outage, not
 * a bug: 503 service_unavailable, so clients and load balancers retry. Anything else that is not
 * an ApiError is a bug: it is logged with its stack, and the client gets a bare 500 with no detail.
 */
const contractError = (error: unknown, requestId: string, log: ErrorLog): { error: ApiError; headers: readonly string[] } => {
  if (error instanceof HttpRefusal) return { error, headers: error.answerHeaders }
  if (error instanceof ApiError) return { error, headers: [] }
  if (isStorageFull(error)) {
    log.warn({ request_id: requestId, err_code: (error as { code?: string }).code ?? null }, 'storage full')
    return {
      error: new ApiError(503, 'service_unavailable', "The database's storage is full; retry once space has been freed."),
      headers: RETRY_SOON,
    }
  }
  if (isStoreUnavailable(error)) {
    const { code, message } = error as { code?: string; message?: string }
    log.warn({ request_id: requestId, err_code: code ?? null, err_message: message ?? null }, 'store unavailable')
    return { error: new ApiError(503, 'service_unavailable', 'The database is not reachable; retry shortly.'), headers: RETRY_SOON }
  }
  log.error({ err: error, request_id: requestId }, 'unhandled error')
  return { error: new ApiError(500, 'internal_server_error', 'Internal server error.'), headers: [] }
}

/** The envelope's JSON for an error answering request `requestId`. */
export const errorBody = (error: ApiError, requestId: string): string =>
  JSON.stringify({ error: { type: error.type, message: error.message, request_id: requestId, ...error.extra }, ok: false })

/** The answer to a request that failed with `error`, and the error type its log line names. */
export const errorAnswer = (failure: unknown, requestId: string, log: ErrorLog): { answer: Answer; type: string } => {
  const { error, headers } = contractError(failure, requestId, log)
  return {
    type: error.type,
    answer: {
      status: error.status,
      body: errorBody(error, requestId),
      contentType: JSON_TYPE,
      headers,
      close: failure instanceof HttpRefusal && failure.close,
    },
  }
}
