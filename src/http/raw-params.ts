import type { z } from 'zod'

import { ApiError } from '../contract/api-error.ts'

/**
 * What a call's raw parameters must be before its route's schema sees them: a query string's
 * text coerced to the types the schema expects, and no text a database cannot keep.
 */

/**
 * Text that a database cannot keep byte for byte is refused before anything reads it.
 * PostgreSQL refuses U+0000 in text outright (which once failed a whole shared statement), and
 * both stores turn a lone UTF-16 surrogate into U+FFFD on the way to UTF-8, so a key stored that
 * way would never be found again. Refusing both on every parameter keeps SQLite and PostgreSQL
 * answering alike: a 400 naming the field.
 */
const problemOf = (text: string): string | undefined => {
  if (text.includes('\u0000')) return 'Text must not contain the NUL character (U+0000).'
  if (!text.isWellFormed()) return 'Text must be valid Unicode: it contains a lone surrogate.'
  return undefined
}

const refuse = (path: readonly (string | number)[], message: string): never => {
  // The shape zod's formatError gives, so clients read it like any other validation error.
  let errors: Record<string, unknown> = { _errors: [message] }
  for (let i = path.length - 1; i >= 0; i--) errors = { _errors: [], [String(path[i])]: errors }
  const where = path.length === 0 ? '' : `${path.join('.')}: `
  throw new ApiError(400, 'invalid_input', `${where}${message}`, { validation_errors: errors })
}

/**
 * Whether every string in `value` (values and member names) can be stored as sent. The common
 * case, on every request: one pass that allocates nothing but its stack of values to visit (kept
 * by hand, so a deeply nested body cannot exhaust the call stack).
 */
const allStorable = (value: unknown): boolean => {
  const pending: unknown[] = [value]
  while (pending.length > 0) {
    const next = pending.pop()
    if (typeof next === 'string') {
      if (problemOf(next) !== undefined) return false
    } else if (Array.isArray(next)) {
      for (const item of next) pending.push(item)
    } else if (typeof next === 'object' && next !== null) {
      for (const key in next) {
        if (!Object.hasOwn(next, key)) continue
        if (problemOf(key) !== undefined) return false
        pending.push((next as Record<string, unknown>)[key])
      }
    }
  }
  return true
}

/**
 * Throws invalid_input for the first string (value or member name) in `params` that cannot be
 * stored as it was sent.
 */
export const assertStorableText = (params: unknown): void => {
  if (allStorable(params)) return
  // Refused: walk again, this time keeping each value's path, to name the field.
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value: params, path: [] }]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, path } = next
    if (typeof value === 'string') {
      const problem = problemOf(value)
      if (problem !== undefined) refuse(path, problem)
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) pending.push({ value: value[i], path: [...path, i] })
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        const problem = problemOf(key)
        if (problem !== undefined) refuse([...path, key], problem)
        pending.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] })
      }
    }
  }
}

const unwrap = (schema: z.ZodType): z.ZodType => {
  let current = schema
  while ('unwrap' in current && typeof current.unwrap === 'function' && current.def.type !== 'array' && current.def.type !== 'tuple') {
    current = (current as { unwrap(): z.ZodType }).unwrap()
  }
  return current
}

/** Removed from the parameters: a scalar sent as `name=` that its field cannot take as null. */
const ABSENT = Symbol('absent')

const coerce = (schema: z.ZodType, value: unknown): unknown => {
  const type = unwrap(schema).def.type
  if (type === 'array' || type === 'tuple') {
    // Seam's serializer writes an empty list as one empty value (`name=`).
    if (value === '') return []
    return Array.isArray(value) ? value : [value]
  }
  const scalar: unknown = Array.isArray(value) ? (value as unknown[])[value.length - 1] : value
  if (typeof scalar !== 'string') return scalar
  // Seam's serializer writes null as `name=` (and leaves empty strings out): null where the field
  // takes null, otherwise the parameter is absent, which is what null means for an optional one.
  if (scalar === '') return schema.safeParse(null).success ? null : ABSENT
  if (type === 'boolean') return scalar === 'true' ? true : scalar === 'false' ? false : scalar
  if (type === 'number' && scalar.trim() !== '' && !Number.isNaN(Number(scalar))) return Number(scalar)
  return scalar
}

/**
 * Query strings carry only text; the route's schema says which fields are booleans, numbers or
 * lists, so GET and DELETE share one schema with the JSON-bodied methods. Decodes what Seam's
 * clients encode (`@seamapi/url-search-params-serializer`): repeated names are a list, `name=` is
 * an empty list (or null), booleans are `true`/`false`, dates ISO 8601. Text that does not coerce
 * is left as is and the schema reports it as invalid_input.
 */
export const coerceQuery = (shape: z.ZodRawShape, query: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(query)
      .map(([key, value]): [string, unknown] => {
        // Only the shape's own fields: a parameter named like an object member (`constructor`,
        // `__proto__`, `toString`) is an unknown parameter, not the Object prototype's function.
        const field = Object.hasOwn(shape, key) ? shape[key] : undefined
        return [key, field === undefined ? value : coerce(field as z.ZodType, value)]
      })
      .filter(([, value]) => value !== ABSENT),
  )
