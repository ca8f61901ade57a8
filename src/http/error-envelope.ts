import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'

import { ApiError } from '../contract/api-error.ts'
import { isStoreUnavailable } from '../store/unavailable.ts'
import { isStorageFull } from './storage-watch.ts'

export const sendError = (reply: FastifyReply, request: FastifyRequest, error: ApiError): FastifyReply => {
  // The request log line names the error type (facts exist once the first hook has run).
  if (request.facts !== null) request.facts.error_type = error.type
  return reply
    .code(error.status)
    .type('application/json')
    .send(errorBody(error, request.id))
}

/** Fastify's own failures (body limits, parser errors) mapped onto the contract's error types. */
const fromFastifyError = (error: FastifyError): ApiError | undefined => {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(413, 'payload_too_large', 'The request body is too large.')
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(400, 'invalid_content_type', 'Request bodies must be JSON (content-type: application/json).')
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiError(400, 'invalid_input', 'The content-length header does not match the body.')
    default:
      return undefined
  }
}

/** What a failed request is answered with, whichever way it was served. */
export interface ErrorAnswer {
  error: ApiError
  /** Asks the client to retry after a second (the store is unreachable). */
  retryLater: boolean
}

/** Where an unexpected failure is reported, with the request it broke. */
export interface ErrorLog {
  warn(fields: Record<string, unknown>, message: string): void
  error(fields: Record<string, unknown>, message: string): void
}

/**
 * The one place errors become contract errors. A store that cannot be reached is an outage, not
 * a bug: 503 service_unavailable, so clients and load balancers retry. Anything else that is not
 * an ApiError is a bug: it is logged with its stack, and the client gets a bare 500 with no detail.
 */
export const errorAnswer = (error: unknown, requestId: string, log: ErrorLog): ErrorAnswer => {
  if (error instanceof ApiError) return { error, retryLater: false }
  if (isStorageFull(error)) {
    log.warn({ request_id: requestId, err_code: (error as { code?: string }).code ?? null }, 'storage full')
    return { error: new ApiError(503, 'service_unavailable', 'The database\'s storage is full; retry once space has been freed.'), retryLater: true }
  }
  if (isStoreUnavailable(error)) {
    const { code, message } = error as { code?: string; message?: string }
    log.warn({ request_id: requestId, err_code: code ?? null, err_message: message ?? null }, 'store unavailable')
    return { error: new ApiError(503, 'service_unavailable', 'The database is not reachable; retry shortly.'), retryLater: true }
  }
  log.error({ err: error, request_id: requestId }, 'unhandled error')
  return { error: new ApiError(500, 'internal_server_error', 'Internal server error.'), retryLater: false }
}

/** The envelope's JSON for an error answering request `requestId`. */
export const errorBody = (error: ApiError, requestId: string): string =>
  JSON.stringify({ error: { type: error.type, message: error.message, request_id: requestId, ...error.extra }, ok: false })

/** Fastify's error handler: its own failures mapped first, then the shared rules above. */
export const handleError = (error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
  if (!(error instanceof ApiError)) {
    const mapped = fromFastifyError(error)
    if (mapped !== undefined) return sendError(reply, request, mapped)
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, request, new ApiError(error.statusCode, 'invalid_input', 'The request could not be read.'))
    }
  }
  const answer = errorAnswer(error, request.id, request.log)
  if (answer.retryLater) reply.header('retry-after', '1')
  return sendError(reply, request, answer.error)
}
