import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'

import { ApiError } from '../contract/api-error.ts'

export const sendError = (reply: FastifyReply, request: FastifyRequest, error: ApiError): FastifyReply =>
  reply
    .code(error.status)
    .type('application/json')
    .send({ error: { type: error.type, message: error.message, request_id: request.id, ...error.extra }, ok: false })

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
 * The one place errors become responses. Anything that is not an ApiError is a bug or an outage:
 * it is logged with its stack, and the client gets a bare 500 with no internal detail.
 */
export const handleError = (error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
  if (error instanceof ApiError) return sendError(reply, request, error)
  const mapped = fromFastifyError(error)
  if (mapped !== undefined) return sendError(reply, request, mapped)
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return sendError(reply, request, new ApiError(error.statusCode, 'invalid_input', 'The request could not be read.'))
  }
  request.log.error({ err: error, request_id: request.id }, 'unhandled error')
  return sendError(reply, request, new ApiError(500, 'internal_server_error', 'Internal server error.'))
}
