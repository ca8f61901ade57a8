import { ApiError } from '../contract/api-error.ts'
import type { AuthKind, AuthRequest } from './auth.ts'
import { classifyBearer } from './tokens.ts'

const header = (request: AuthRequest, name: string): string | undefined => {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

const bearer = (request: AuthRequest): string | undefined => {
  const value = header(request, 'authorization')
  if (value === undefined) return undefined
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value)
  return match?.[1] ?? value
}

const CST_HEADERS = ['client-session-token', 'seam-client-session-token']

/**
 * The client session token, from any of its three headers. The SDK sends the same token as
 * Bearer and as client-session-token; two different tokens in one request are refused rather
 * than guessing which one the caller meant.
 */
const clientSessionToken = (request: AuthRequest): string | undefined => {
  const fromBearer = bearer(request)
  let found = fromBearer !== undefined && classifyBearer(fromBearer) === 'client_session_token' ? fromBearer : undefined
  // Compared as it goes rather than collected into a set: every API-key request on a route that
  // also takes a CST asks here first, and most carry none of these headers.
  for (const name of CST_HEADERS) {
    const value = header(request, name)
    if (value === undefined) continue
    if (found !== undefined && found !== value) {
      throw new ApiError(400, 'invalid_client_session_token', 'Conflicting client session tokens were sent.')
    }
    found = value
  }
  return found
}

/**
 * The credential of a kind, if the request carries that kind's header at all. A kind whose
 * header is absent "does not apply" (contract §2) and the next accepted kind is tried.
 */
export const presentedCredential = (kind: AuthKind, request: AuthRequest): string | undefined => {
  switch (kind) {
    case 'client_session_token':
      return clientSessionToken(request)
    case 'publishable_key':
      return header(request, 'seam-publishable-key')
    case 'personal_access_token_without_workspace': {
      // Listed before the PAT kind on the routes that take it, so a PAT with `seam-workspace`
      // still goes to the PAT kind, and a PAT without one elsewhere keeps the PAT kind's error.
      const token = bearer(request)
      return token !== undefined && classifyBearer(token) === 'personal_access_token' && workspaceHeader(request) === undefined
        ? token
        : undefined
    }
    case 'api_key':
    case 'personal_access_token': {
      const token = bearer(request)
      return token !== undefined && classifyBearer(token) === kind ? token : undefined
    }
  }
}

export const workspaceHeader = (request: AuthRequest): string | undefined => header(request, 'seam-workspace')

/** The end user's key for a publishable-key call: the body field, or the legacy header. */
export const publishableUserKey = (request: AuthRequest): string | undefined => {
  const body = request.body
  if (typeof body === 'object' && body !== null && 'user_identifier_key' in body) {
    const value = body.user_identifier_key
    if (typeof value === 'string' && value !== '') return value
  }
  const legacy = header(request, 'seam-user-identifier-key')
  return legacy === '' ? undefined : legacy
}
