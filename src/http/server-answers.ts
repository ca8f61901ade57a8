import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'

import { ApiError } from '../contract/api-error.ts'
import { sendError } from './error-envelope.ts'

/**
 * Answers that node:http or Fastify would otherwise make themselves, outside the contract's
 * envelope: a request without Host, an Expect header other than 100-continue, and URLs the router
 * cannot read.
 */

const answerRaw = (response: ServerResponse, error: ApiError): void => {
  const requestId = randomUUID()
  const body = JSON.stringify({ error: { type: error.type, message: error.message, request_id: requestId }, ok: false })
  // The request may carry a body nobody will read: close rather than parse what follows.
  response.writeHead(error.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'seam-request-id': requestId,
    connection: 'close',
  })
  response.end(body)
}

/**
 * HTTP/1.1 requires Host, and node:http would answer its absence with an empty 400 of its own;
 * the server is created with that check off (`requireHostHeader: false`) so it is made here.
 * True when the request was answered.
 */
export const answeredMissingHost = (request: IncomingMessage, response: ServerResponse): boolean => {
  if (request.headers.host !== undefined || request.httpVersionMajor !== 1 || request.httpVersionMinor !== 1) return false
  answerRaw(response, new ApiError(400, 'invalid_input', 'HTTP/1.1 requests must carry a Host header.'))
  return true
}

/** node:http's 'checkExpectation': any Expect but 100-continue, which node:http answers itself. */
export const answerExpectationFailed = (_request: IncomingMessage, response: ServerResponse): void =>
  answerRaw(response, new ApiError(417, 'expectation_failed', 'The Expect header is not supported; only "Expect: 100-continue" is.'))

/** Fastify's `frameworkErrors`: the router's refusals, before any hook ran. */
export const answerFrameworkError = (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
  // No hook has run: what the request-facts hook would have set, for sendError.
  request.facts = { workspace_id: null, credential: null, error_type: null }
  reply.header('seam-request-id', request.id)
  const answer =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new ApiError(414, 'uri_too_long', 'A segment of the request path is too long.')
      : error.code === 'FST_ERR_BAD_URL'
        ? new ApiError(400, 'invalid_input', 'The request path is not a valid URL: a "%" must start a percent-encoded UTF-8 character.')
        : new ApiError(400, 'invalid_input', 'The request could not be routed.')
  void sendError(reply, request, answer)
}
