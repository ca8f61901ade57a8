/**
 * The one error type handlers throw. The HTTP layer turns it into the contract's envelope
 * (contract §1): `{ error: { type, message, request_id, ...extra }, ok: false }`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export const notFound = (resource: string, id?: string): ApiError =>
  new ApiError(
    404,
    `${resource}_not_found`,
    id === undefined ? `Could not find ${resource.replaceAll('_', ' ')}.` : `Could not find ${resource.replaceAll('_', ' ')} ${id}.`,
  )

/** An invalid_input error for one field, in zod's `format()` shape that the SDK reads. */
export const invalidField = (field: string, message: string): ApiError =>
  new ApiError(400, 'invalid_input', `${field}: ${message}`, {
    validation_errors: { _errors: [], [field]: { _errors: [message] } },
  })
