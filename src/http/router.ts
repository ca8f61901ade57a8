import { ApiError } from '../contract/api-error.ts'
import type { Endpoint } from './endpoint.ts'
import type { AnyRoute, HttpMethod } from './route.ts'

/** Where a request goes: its target, or the refusal to answer it with. */
export type Target =
  | { kind: 'route'; route: AnyRoute; query: string }
  | { kind: 'endpoint'; endpoint: Endpoint; pathParam: string | undefined }
  | { kind: 'refused'; error: ApiError; pattern: string | null }

/** The longest variable path segment (a webview id is 36 characters). */
const MAX_PARAM_LENGTH = 100

const notFound = (method: string, path: string) => new ApiError(404, 'not_found', `No route ${method} ${path}.`)

/** The path as its percent-encoding spells it; undefined when it is not valid UTF-8 percent-encoding. */
const decodePath = (raw: string): string | undefined => {
  if (!raw.includes('%')) return raw
  try {
    return decodeURIComponent(raw)
  } catch {
    return undefined
  }
}

/**
 * Finds a request's target by exact path (an API route, or an endpoint), then by the one
 * variable segment patterns may end with. A path that is not a route is 404, a route's path with
 * a method it does not take is 405 method_not_allowed.
 */
export const createRouter = (routes: readonly AnyRoute[], endpoints: readonly Endpoint[]) => {
  const byPath = new Map(routes.map((route) => [route.path, route]))
  const fixed = new Map<string, Endpoint[]>()
  const variable: { prefix: string; endpoint: Endpoint }[] = []
  for (const endpoint of endpoints) {
    const colon = endpoint.pattern.indexOf('/:')
    if (colon === -1) fixed.set(endpoint.pattern, [...(fixed.get(endpoint.pattern) ?? []), endpoint])
    else variable.push({ prefix: endpoint.pattern.slice(0, colon + 1), endpoint })
  }

  return (method: string, url: string): Target => {
    const end = url.search(/[?#]/)
    const raw = end === -1 ? url : url.slice(0, end)
    const query = end !== -1 && url[end] === '?' ? (url.slice(end + 1).split('#')[0] ?? '') : ''
    const path = decodePath(raw)
    if (path === undefined) {
      return {
        kind: 'refused',
        pattern: null,
        error: new ApiError(
          400,
          'invalid_input',
          'The request path is not a valid URL: a "%" must start a percent-encoded UTF-8 character.',
        ),
      }
    }
    const route = byPath.get(path)
    if (route !== undefined) {
      if (route.methods.includes(method as HttpMethod)) return { kind: 'route', route, query }
      return {
        kind: 'refused',
        pattern: route.path,
        error: new ApiError(405, 'method_not_allowed', `${route.path} accepts ${route.methods.join(', ')}.`),
      }
    }
    const exact = fixed.get(path)?.find((endpoint) => endpoint.method === method)
    if (exact !== undefined) return { kind: 'endpoint', endpoint: exact, pathParam: undefined }
    for (const { prefix, endpoint } of variable) {
      if (!path.startsWith(prefix) || endpoint.method !== method) continue
      const segment = path.slice(prefix.length)
      if (segment === '' || segment.includes('/')) continue
      if (segment.length > MAX_PARAM_LENGTH) {
        return {
          kind: 'refused',
          pattern: endpoint.pattern,
          error: new ApiError(414, 'uri_too_long', 'A segment of the request path is too long.'),
        }
      }
      return { kind: 'endpoint', endpoint, pathParam: segment }
    }
    return { kind: 'refused', pattern: null, error: notFound(method, raw) }
  }
}

export type Router = ReturnType<typeof createRouter>
