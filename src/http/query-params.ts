import type { z } from 'zod'

const unwrap = (schema: z.ZodType): z.ZodType => {
  let current = schema
  while ('unwrap' in current && typeof current.unwrap === 'function' && current.def.type !== 'array') {
    current = (current as { unwrap(): z.ZodType }).unwrap()
  }
  return current
}

const coerce = (schema: z.ZodType, value: unknown): unknown => {
  const type = unwrap(schema).def.type
  if (type === 'array') return Array.isArray(value) ? value : [value]
  const scalar: unknown = Array.isArray(value) ? (value as unknown[])[value.length - 1] : value
  if (typeof scalar !== 'string') return scalar
  if (type === 'boolean') return scalar === 'true' ? true : scalar === 'false' ? false : scalar
  if (type === 'number' && scalar.trim() !== '' && !Number.isNaN(Number(scalar))) return Number(scalar)
  return scalar
}

/**
 * Query strings carry only text; the route's schema says which fields are booleans, numbers or
 * lists, so GET and DELETE share one schema with the JSON-bodied methods. Text that does not
 * coerce is left as is and the schema reports it as invalid_input.
 */
export const coerceQuery = (shape: z.ZodRawShape, query: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(query).map(([key, value]) => {
      // Only the shape's own fields: a parameter named like an object member (`constructor`,
      // `__proto__`, `toString`) is an unknown parameter, not the Object prototype's function.
      const field = Object.hasOwn(shape, key) ? shape[key] : undefined
      return [key, field === undefined ? value : coerce(field as z.ZodType, value)]
    }),
  )
