import { ApiError } from '../contract/api-error.ts'
import type { Clock } from '../clock.ts'
import type { ClientSessionAuth, StoredCredential } from '../store/records.ts'
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
 * is hashed on every request (cheap next to the read): nothing remembers a presented credential after its
 * request, so no plaintext secret stays in memory.
 */

/** True when the stored credential exists, is not revoked, and its hash matches the secret. */
const isValid = (token: string, secret: string, stored: StoredCredential | undefined): stored is StoredCredential =>
  stored !== undefined && secretMatches(secret, Buffer.from(stored.secretHash, 'hex')) && stored.revokedAt === null

const verifyApiKey = async (token: string, { store }: AuthDeps): Promise<Auth> => {
  const parsed = parseCredential('api_key', token)
  if (parsed === undefined) throw unauthorized('The API key is malformed.')
  const key = await store.findApiKey(parsed.tokenId)
  if (!isValid(token, parsed.secret, key)) throw unauthorized('The API key is not valid.')
  return { kind: 'api_key', workspaceId: key.ownerId, apiKeyId: key.id }
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
    throw new ApiError(401, 'publishable_key_requires_user_identifier_key', 'A publishable key must be sent with a user_identifier_key.')
  }
  return { kind: 'publishable_key', workspaceId: key.ownerId, userIdentifierKey }
}

/** The token's public id and secret; a token that is not one is refused before any read. */
const parseClientSessionToken = (token: string) => {
  const parsed = parseCredential('client_session_token', token)
  if (parsed === undefined) {
    throw new ApiError(400, 'invalid_client_session_token', 'The client session token is malformed.')
  }
  return parsed
}

/**
 * The verdict on a client session token once its session is read. The read is made against the
 * database on every request (the SQLite read memo answers only while the file is unchanged), so
 * a revocation takes effect at once on every instance; expiry is checked against the clock.
 */
export const clientSessionVerdict = (
  token: string,
  secret: string,
  found: ClientSessionAuth | undefined,
  clock: Clock,
): AuthOf<'client_session_token'> => {
  if (found === undefined || !secretMatches(secret, Buffer.from(found.secretHash, 'hex'))) {
    throw new ApiError(401, 'client_session_not_found', 'Client session not found.')
  }
  const { session } = found
  if (session.revokedAt !== null) throw new ApiError(401, 'client_session_revoked', 'The client session was revoked.')
  if (Date.parse(session.expiresAt) <= clock.now().getTime()) {
    throw new ApiError(401, 'client_session_expired', 'The client session has expired.')
  }
  return { kind: 'client_session_token', workspaceId: session.workspaceId, clientSessionId: session.clientSessionId, session, token }
}

const verifyClientSessionToken = async (token: string, { store, clock }: AuthDeps): Promise<Auth> => {
  const { tokenId, secret } = parseClientSessionToken(token)
  return clientSessionVerdict(token, secret, await store.findClientSessionAuth(tokenId), clock)
}

const verify = (kind: AuthKind, token: string, request: AuthRequest, deps: AuthDeps): Promise<Auth> => {
  switch (kind) {
    case 'api_key':
      return verifyApiKey(token, deps)
    case 'personal_access_token':
      return verifyPersonalAccessToken(token, request, deps)
    case 'personal_access_token_without_workspace':
      return patOwner(token, deps).then((userId): Auth => ({ kind: 'personal_access_token_without_workspace', workspaceId: null, userId }))
    case 'publishable_key':
      return verifyPublishableKey(token, request, deps)
    case 'client_session_token':
      return verifyClientSessionToken(token, deps)
  }
}

/**
 * contract §2: the route's accepted kinds are tried in order, and the first whose header is
 * present decides, with success or its own error. None present: 401 unauthorized.
 */
const presented = (accepted: readonly AuthKind[], request: AuthRequest): { kind: AuthKind; token: string } => {
  for (const kind of accepted) {
    const token = presentedCredential(kind, request)
    if (token !== undefined) return { kind, token }
  }
  throw unauthorized('Missing or unsupported credentials for this route.')
}

/** Who is calling (contract §2), or the ApiError that says why not, as a rejection. */
export const authenticate = async (accepted: readonly AuthKind[], request: AuthRequest, deps: AuthDeps): Promise<Auth> => {
  const { kind, token } = presented(accepted, request)
  return verify(kind, token, request, deps)
}

/**
 * The client session token the request presents when that kind decides (the first of the
 * route's accepted kinds whose header is present), split into the id its session is found by and
 * the secret checked against it; undefined when another kind decides. Throws what `authenticate`
 * would reject with for a missing credential or a malformed token.
 */
export const presentedClientSessionToken = (
  accepted: readonly AuthKind[],
  request: AuthRequest,
): { token: string; tokenId: string; secret: string } | undefined => {
  const { kind, token } = presented(accepted, request)
  if (kind !== 'client_session_token') return undefined
  const { tokenId, secret } = parseClientSessionToken(token)
  return { token, tokenId, secret }
}
