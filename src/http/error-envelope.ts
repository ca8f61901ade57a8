import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'

import { ApiError } from '../contract/api-error.ts'
import { isStoreUnavailable } from '../store/unavailable.ts'

export const sendError = (reply: FastifyReply, request: FastifyRequest, error: ApiError): FastifyReply => {
  // The request log line names the error type (facts exist once the first hook has run).
  if (request.facts !== null) request.facts.error_type = error.type
  return reply
    .code(error.status)
    .type('application/json')
    .send({ error: { type: error.type, message: error.message, request_id: request.id, ...error.extra }, ok: false })
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

/**
 * The one place errors become responses. A store that cannot be reached is an outage, not a bug:
 * 503 service_unavailable, so clients and load balancers retry. Anything else that is not an
 * ApiError is a bug: it is logged with its stack, and the client gets a bare 500 with no detail.
 */
export const handleError = (error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
  if (error instanceof ApiError) return sendError(reply, request, error)
  const mapped = fromFastifyError(error)
  if (mapped !== undefined) return sendError(reply, request, mapped)
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return sendError(reply, request, new ApiError(error.statusCode, 'invalid_input', 'The request could not be read.'))
  }
  if (isStoreUnavailable(error)) {
    request.log.warn({ request_id: request.id, err_code: (error as { code?: string }).code ?? null, err_message: error.message }, 'store unavailable')
    reply.header('retry-after', '1')
    return sendError(reply, request, new ApiError(503, 'service_unavailable', 'The database is not reachable; retry shortly.'))
  }
  request.log.error({ err: error, request_id: request.id }, 'unhandled error')
  return sendError(reply, request, new ApiError(500, 'internal_server_error', 'Internal server error.'))
}
