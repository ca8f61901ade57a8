import { randomUUID } from 'node:crypto'
import type { Socket } from 'node:net'

import { ApiError } from '../contract/api-error.ts'
import { errorAnswer, type ErrorLog } from './error-envelope.ts'
import type { AnswerWriter } from './writer.ts'

/**
 * node:http's parser refuses some requests before there is a request to hand the pipeline
 * (headers too large, a malformed request line, a request that took too long to arrive). They
 * are answered in the contract's envelope through the one writer, on the bare socket, and the
 * connection closes: the parser cannot continue on it.
 */
export const clientErrorAnswerer =
  (writer: AnswerWriter, log: ErrorLog) =>
  (error: Error & { code?: string }, socket: Socket): void => {
    const refusal =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? new ApiError(431, 'request_header_fields_too_large', 'The request headers are too large.')
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? new ApiError(408, 'request_timeout', 'The request took too long to arrive.')
          : new ApiError(400, 'invalid_input', 'The request is not valid HTTP.')
    const requestId = randomUUID()
    writer.writeToSocket(socket, requestId, errorAnswer(refusal, requestId, log).answer)
  }
