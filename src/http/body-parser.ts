import type { FastifyInstance } from 'fastify'

import { ApiError } from '../contract/api-error.ts'

const isJson = (contentType: string | undefined): boolean => {
  if (contentType === undefined) return false
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  return type === 'application/json' || type.endsWith('+json')
}

/**
 * contract §1: an empty body is `{}` whatever its content type (SDK v1 sends an empty form-encoded
 * body for calls without parameters); a non-empty body must be JSON. Replacing Fastify's parsers
 * with one catch-all makes those rules hold for every content type, including none.
 */
export const installBodyParser = (app: FastifyInstance): void => {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8')
    if (text.trim() === '') return done(null, {})
    if (!isJson(request.headers['content-type'])) {
      return done(new ApiError(400, 'invalid_content_type', 'Request bodies must be JSON (content-type: application/json).'))
    }
    try {
      done(null, JSON.parse(text))
    } catch {
      done(new ApiError(400, 'invalid_input', 'The request body is not valid JSON.', { validation_errors: { _errors: ['Malformed JSON'] } }))
    }
  })
}
