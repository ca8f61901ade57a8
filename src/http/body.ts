import type { IncomingMessage } from 'node:http'

import { ApiError } from '../contract/api-error.ts'
import { HttpRefusal } from './error-envelope.ts'

/** The content types the official SDKs send with a JSON body. */
const SDK_JSON_TYPES: ReadonlySet<string> = new Set(['application/json', 'application/json; charset=utf-8'])

const isJson = (contentType: string | undefined): boolean => {
  if (contentType === undefined) return false
  // The SDKs' own forms, without splitting and lower-casing them on every request.
  if (SDK_JSON_TYPES.has(contentType)) return true
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  return type === 'application/json' || type.endsWith('+json')
}

/**
 * An API body's parameters. An empty body is `{}` whatever its content type (SDK v1 sends an
 * empty form-encoded body for calls without parameters); a non-empty body must be JSON.
 */
export const jsonParams = (body: Buffer, contentType: string | undefined): unknown => {
  const text = body.toString('utf8')
  if (text.trim() === '') return {}
  if (!isJson(contentType)) throw new ApiError(400, 'invalid_content_type', 'Request bodies must be JSON (content-type: application/json).')
  try {
    return JSON.parse(text)
  } catch {
    throw new ApiError(400, 'invalid_input', 'The request body is not valid JSON.', { validation_errors: { _errors: ['Malformed JSON'] } })
  }
}

const EMPTY = Buffer.alloc(0)
const DECIMAL = /^\d{1,15}$/

const tooLarge = () => new HttpRefusal(413, 'payload_too_large', 'The request body is too large.', [], true)
// The client may still be sending: the connection closes after the answer.
const unreadable = () => new HttpRefusal(400, 'invalid_input', 'The request could not be read.', [], true)

/**
 * The body, if it came whole with its headers. The request event fires as soon as the headers are
 * parsed; one microtask later the parser has pushed what of the body came in the same packet.
 * A body that came whole (an SDK's small JSON almost always does) is then taken from the stream's
 * buffer in one read, without listeners, the switch to flowing mode and the ticks of 'data' and
 * 'end'. Undefined otherwise: the caller streams it.
 */
const bodyAtHand = (request: IncomingMessage, length: number): Buffer | undefined => {
  if (request.readableLength !== length || request.readableFlowing === true) return undefined
  const buffered: unknown = request.read()
  return buffered === null ? EMPTY : (buffered as Buffer)
}

/** Streams the body, refusing it (and keeping nothing more) once it passes `limit`. */
const streamBody = (request: IncomingMessage, limit: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    let chunks: Buffer[] = []
    let received = 0
    let settled = false
    const fail = (error: Error) => {
      settled = true
      chunks = []
      request.removeListener('data', take)
      reject(error)
    }
    const take = (chunk: Buffer) => {
      received += chunk.length
      if (received > limit) fail(tooLarge())
      else chunks.push(chunk)
    }
    request.on('data', take)
    request.on('end', () => {
      if (settled) return
      settled = true
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks))
    })
    request.on('error', () => settled || fail(unreadable()))
    // A client gone before the end of its body: 'close' without 'end'.
    request.on('close', () => settled || fail(unreadable()))
  })

/**
 * The request body, within `limit` bytes: a declared length over it is refused before anything
 * is read, a chunked one as soon as it passes it (413, and the connection closes lingeringly:
 * writer.ts). A request that declares no body has an empty one.
 */
export const readBody = async (request: IncomingMessage, limit: number): Promise<Buffer> => {
  const declared = request.headers['content-length']
  const chunked = request.headers['transfer-encoding'] !== undefined
  if (!chunked && (declared === undefined || declared === '0')) return EMPTY
  if (declared !== undefined && !chunked) {
    if (!DECIMAL.test(declared)) throw unreadable()
    const length = Number(declared)
    if (length > limit) throw tooLarge()
    // One microtask: what came in the packet with the headers is in the stream's buffer by then.
    await Promise.resolve()
    const whole = bodyAtHand(request, length)
    const body = whole ?? (await streamBody(request, limit))
    if (body.length !== length) throw new HttpRefusal(400, 'invalid_input', 'The content-length header does not match the body.', [], true)
    return body
  }
  return streamBody(request, limit)
}
