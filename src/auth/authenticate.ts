import { ApiError } from '../contract/api-error.ts'
import { type MaybePromise, andThen } from '../maybe-promise.ts'
import type { Clock } from '../clock.ts'
import type { StoredCredential } from '../store/records.ts'
import type { Store } from '../store/store.ts'
import type { Auth, AuthKind, AuthOf, AuthRequest } from './auth.ts'
import { presentedCredential, publishableUserKey, workspaceHeader } from './credential-headers.ts'
import { parseCredential, secretMatches } from './tokens.ts'

export interface AuthDeps {
  store: Store
  clock: Clock
}

const unauthorized = (message = 'Unauthorized.') => new ApiError(401, 'unauthorized', message)

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/*
 * Each verifier looks the credential up by its public id, then compares the secret's SHA-256 in
 * constant time. A wrong secret and an unknown id give the same answer, so a caller learns
 * nothing about which ids exist beyond what timing of one indexed lookup could show. The secret
 * is hashed on every request (about 1 µs): nothing remembers a presented credential after its
 * request, so no plaintext secret stays in memory.
 */

/** True when the stored credential exists, is not revoked, and its hash matches the secret. */
const isValid = (token: string, secret: string, stored: StoredCredential | undefined): stored is StoredCredential =>
  stored !== undefined && secretMatches(secret, Buffer.from(stored.secretHash, 'hex')) && stored.revokedAt === null

const verifyApiKey = (token: string, { store }: AuthDeps): MaybePromise<Auth> => {
  const parsed = parseCredential('api_key', token)
  if (parsed === undefined) throw unauthorized('The API key is malformed.')
  return andThen(store.findApiKey(parsed.tokenId), (key): Auth => {
    if (!isValid(token, parsed.secret, key)) throw unauthorized('The API key is not valid.')
    return { kind: 'api_key', workspaceId: key.ownerId, apiKeyId: key.id }
  })
}

/** The user a personal access token acts for. */
const patOwner = async (token: string, { store }: AuthDeps): Promise<string> => {
  const parsed = parseCredential('personal_access_token', token)
  if (parsed === undefined) throw unauthorized('The personal access token is malformed.')
  const pat = await store.findPersonalAccessToken(parsed.tokenId)
  if (!isValid(token, parsed.secret, pat)) throw unauthorized('The personal access token is not valid.')
  return pat.ownerId
}

const verifyPersonalAccessToken = async (token: string, request: AuthRequest, deps: AuthDeps): Promise<Auth> => {
  const { store } = deps
  const userId = await patOwner(token, deps)
  const workspaceId = workspaceHeader(request)
  if (workspaceId === undefined || !GUID.test(workspaceId)) {
    throw unauthorized('A personal access token needs a seam-workspace header naming the workspace.')
  }
  if (!(await store.isWorkspaceMember(workspaceId, userId))) {
    throw unauthorized('The personal access token has no access to that workspace.')
  }
  return { kind: 'personal_access_token', workspaceId, userId }
}

const verifyPublishableKey = async (token: string, request: AuthRequest, { store }: AuthDeps): Promise<Auth> => {
  const parsed = parseCredential('publishable_key', token)
  const key = parsed && (await store.findPublishableKey(parsed.tokenId))
  if (parsed === undefined || !isValid(token, parsed.secret, key)) {
    throw new ApiError(401, 'workspace_not_found', 'No workspace has this publishable key.')
  }
  const userIdentifierKey = publishableUserKey(request)
  if (userIdentifierKey === undefined) {
    throw new ApiError(
      401,
      'publishable_key_requires_user_identifier_key',
      'A publishable key must be sent with a user_identifier_key.',
    )
  }
  return { kind: 'publishable_key', workspaceId: key.ownerId, userIdentifierKey }
}

/**
 * Synchronous when the store answers at once (SQLite), so the hottest read crosses no promise;
 * a failure is then thrown rather than rejected (maybe-promise.ts).
 */
export const verifyClientSessionToken = (token: string, { store, clock }: AuthDeps): MaybePromise<AuthOf<'client_session_token'>> => {
  const parsed = parseCredential('client_session_token', token)
  if (parsed === undefined) {
    throw new ApiError(400, 'invalid_client_session_token', 'The client session token is malformed.')
  }
  // Checked against the database on every request (the SQLite read memo answers only while the
  // file is unchanged): a revocation takes effect at once on every instance.
  return andThen(store.findClientSessionAuth(parsed.tokenId), (found): AuthOf<'client_session_token'> => {
    if (found === undefined || !secretMatches(parsed.secret, Buffer.from(found.secretHash, 'hex'))) {
      throw new ApiError(401, 'client_session_not_found', 'Client session not found.')
    }
    const { session } = found
    if (session.revokedAt !== null) throw new ApiError(401, 'client_session_revoked', 'The client session was revoked.')
    if (Date.parse(session.expiresAt) <= clock.now().getTime()) {
      throw new ApiError(401, 'client_session_expired', 'The client session has expired.')
    }
    return {
      kind: 'client_session_token',
      workspaceId: session.workspaceId,
      clientSessionId: session.clientSessionId,
      session,
      token,
    }
  })
}

const verify = (kind: AuthKind, token: string, request: AuthRequest, deps: AuthDeps): MaybePromise<Auth> => {
  switch (kind) {
    case 'api_key':
      return verifyApiKey(token, deps)
    case 'personal_access_token':
      return verifyPersonalAccessToken(token, request, deps)
    case 'personal_access_token_without_workspace':
      return andThen(patOwner(token, deps), (userId): Auth => ({ kind: 'personal_access_token_without_workspace', workspaceId: null, userId }))
    case 'publishable_key':
      return verifyPublishableKey(token, request, deps)
    case 'client_session_token':
      return verifyClientSessionToken(token, deps)
  }
}

/**
 * contract §2: try the route's accepted kinds in order; the first whose header is present decides,
 * with success or its own error. None present: 401 unauthorized. Synchronous (a failure thrown)
 * when the store answers at once, as SQLite's memo-backed reads do (maybe-promise.ts).
 */
export const authenticate = (accepted: readonly AuthKind[], request: AuthRequest, deps: AuthDeps): MaybePromise<Auth> => {
  for (const kind of accepted) {
    const token = presentedCredential(kind, request)
    if (token !== undefined) return verify(kind, token, request, deps)
  }
  throw unauthorized('Missing or unsupported credentials for this route.')
}

// TEMPORARY (pipeline worktree only; replaced by the store branch's version on merge).
export const NOT_AT_HAND = Symbol('not at hand')
export const authenticateNow = (_accepted: readonly AuthKind[], _request: AuthRequest, _deps: AuthDeps): AuthOf<'client_session_token'> | typeof NOT_AT_HAND => NOT_AT_HAND
