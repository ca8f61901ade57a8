import type { z } from 'zod'

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
