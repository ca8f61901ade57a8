import autocannon from 'autocannon'

export interface LoadRequest {
  method: 'GET' | 'POST' | 'PUT'
  path: string
  headers: Record<string, string>
  /** A fixed JSON body, or a fresh one per request (e.g. new user keys). */
  body?: string | (() => string)
}

export interface LoadResult {
  rps: number
  p50: number
  p99: number
  errors: number
  non2xx: number
}

/** Drives one request shape at a target for `durationS` seconds with `connections` connections. */
export const runLoad = async (url: string, request: LoadRequest, durationS: number, connections: number): Promise<LoadResult> => {
  const { body } = request
  const result = await autocannon({
    url,
    connections,
    duration: durationS,
    requests: [
      {
        method: request.method,
        path: request.path,
        headers: { ...request.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(typeof body === 'string' ? { body } : {}),
        ...(typeof body === 'function' ? { setupRequest: (req: autocannon.Request) => ({ ...req, body: body() }) } : {}),
      },
    ],
  })
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  }
}
