import type { FastifyInstance } from 'fastify'

import { ApiError } from '../contract/api-error.ts'

const isJson = (contentType: string | undefined): boolean => {
  if (contentType === undefined) return false
  // What the SDKs send, without splitting and lower-casing it on every request.
  if (contentType === 'application/json' || contentType === 'application/json; charset=utf-8') return true
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  return type === 'application/json' || type.endsWith('+json')
}

/**
 * An empty body is `{}` whatever its content type (SDK v1 sends an empty form-encoded body for
 * calls without parameters); a non-empty body must be JSON. Throws the ApiError to answer.
 */
export const parseBody = (text: string, contentType: string | undefined): unknown => {
  if (text.trim() === '') return {}
  if (!isJson(contentType)) throw new ApiError(400, 'invalid_content_type', 'Request bodies must be JSON (content-type: application/json).')
  try {
    return JSON.parse(text)
  } catch {
    throw new ApiError(400, 'invalid_input', 'The request body is not valid JSON.', { validation_errors: { _errors: ['Malformed JSON'] } })
  }
}

/**
 * Replacing Fastify's parsers with one catch-all makes parseBody's rules hold for every content
 * type, including none.
 */
export const installBodyParser = (app: FastifyInstance): void => {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => {
    try {
      done(null, parseBody(typeof body === 'string' ? body : body.toString('utf8'), request.headers['content-type']))
    } catch (error) {
      done(error as ApiError)
    }
  })
}
