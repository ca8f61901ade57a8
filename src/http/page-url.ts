/**
 * `pagination.next_page_url`: the list's own request as a GET URL, with the next `page_cursor`.
 * Seam's API answers it this way (its parameters written as `@seamapi/url-search-params-serializer`
 * writes a query, names sorted), so a client may follow it with a GET whatever method it listed with.
 * That package is not a production dependency (it declares Node 22); its rules for the values a
 * validated list parameter can hold are these, and test/routes/next-page-url.test.ts holds them
 * equal to the package's.
 */

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && [Object.prototype, null].includes(Object.getPrototypeOf(value) as object | null)

const text = (name: string, value: unknown): string => {
  if (value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  if (value instanceof Date) return value.toISOString()
  // Validation admits nothing else; failing loudly beats a URL that asks for something else.
  throw new Error(`next_page_url: cannot write parameter ${name}`)
}

/** Nested objects as dotted names, an empty list as `name=`, a list as repeated names, undefined and '' left out. */
const append = (query: URLSearchParams, params: Record<string, unknown>, prefix: string): void => {
  for (const [key, value] of Object.entries(params)) {
    const name = `${prefix}${key}`
    if (isPlainObject(value)) append(query, value, `${name}.`)
    else if (value === undefined || value === '') continue
    else if (Array.isArray(value)) {
      if (value.length === 0) query.set(name, '')
      for (const item of value as unknown[]) query.append(name, text(name, item))
    } else query.set(name, text(name, value))
  }
}

/** Seam's query string for these parameters. */
export const seamQueryString = (params: Record<string, unknown>): string => {
  const query = new URLSearchParams()
  append(query, params, '')
  query.sort()
  return query.toString()
}

/** The URL of the page after `cursor`: `origin` + `path` + the request's parameters with that `page_cursor`. */
export const nextPageUrl = (origin: string, path: string, params: Record<string, unknown>, cursor: string): string => {
  const url = new URL(path, origin)
  url.search = seamQueryString({ ...params, page_cursor: cursor })
  return url.toString()
}
