import type { FastifyInstance } from 'fastify'

import { ApiError } from '../contract/api-error.ts'

/** The content types the official SDKs send with a JSON body. */
export const SDK_JSON_TYPES: ReadonlySet<string> = new Set(['application/json', 'application/json; charset=utf-8'])

const isJson = (contentType: string | undefined): boolean => {
  if (contentType === undefined) return false
  // The SDKs' own forms, without splitting and lower-casing them on every request.
  if (SDK_JSON_TYPES.has(contentType)) return true
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
