import { randomUUID } from 'node:crypto'

import { mintCredential } from '../auth/tokens.ts'
import { ApiError, notFound } from '../contract/api-error.ts'
import type { AppContext } from './context.ts'
import { optional } from '../store/optional.ts'
import type { ClientSessionRecord, NewClientSession } from '../store/records.ts'
import type { SessionInput } from './session-input.ts'

const liveSessionFor = async ({ store }: AppContext, workspaceId: string, key: string) => {
  const found = await store.getClientSessionByUserKey(workspaceId, key)
  return found?.revokedAt === null ? found : undefined
}

/**
 * A session as the domain hands it to a route, with its token when this call minted it: the
 * answer then carries the token it has in hand instead of opening the stored ciphertext.
 */
export interface SessionOutcome {
  record: ClientSessionRecord
  mintedToken?: string
}

/**
 * Mints a token and inserts a session. Returns undefined when a live session already holds the
 * user key (the unique index refused the insert), so callers re-read the winner.
 */
const insertNew = async (context: AppContext, workspaceId: string, input: SessionInput): Promise<SessionOutcome | undefined> => {
  const { store, clock, config, tokenCipher } = context
  const now = clock.now()
  const clientSessionId = randomUUID()
  const minted = mintCredential('client_session_token')
  // What the caller asked for (key, links, identity, customer), and what only the server decides.
  // Written out rather than spread from `input`: a spread followed by more properties cost every
  // create a measurable share of its CPU (docs/performance.md).
  const session: NewClientSession = {
    userIdentifierKey: input.userIdentifierKey,
    connectedAccountIds: input.connectedAccountIds,
    connectWebviewIds: input.connectWebviewIds,
    userIdentityId: input.userIdentityId,
    customerId: input.customerId,
    customerKey: input.customerKey,
    clientSessionId,
    workspaceId,
    tokenId: minted.tokenId,
    secretHash: minted.secretHash.toString('hex'),
    tokenCiphertext: tokenCipher.encrypt(minted.token, clientSessionId),
    createdAt: now.toISOString(),
    expiresAt: input.expiresAt ?? new Date(now.getTime() + config.sessionLifetimeMs).toISOString(),
  }
  // Undefined when a live session holds the key, or the new one was deleted before the store
  // could read it back: either way the caller tries again.
  const record = await store.insertClientSession(session)
  return record === undefined ? undefined : { record, mintedToken: minted.token }
}

const alreadyExists = () =>
  new ApiError(
    400,
    'client_session_token_already_exists',
    'A live client session already exists for this user_identifier_key; use PUT or client_sessions/get_or_create.',
  )

// A live session can be revoked between a failed insert and the re-read; a retry then inserts.
const ATTEMPTS = 3

/**
 * create: a new session, or for a held user key either the existing one unchanged
 * (`onExisting: 'return'`, PUT's idempotent create) or 400 client_session_token_already_exists.
 */
export const createClientSession = async (
  context: AppContext,
  workspaceId: string,
  input: SessionInput,
  onExisting: 'return' | 'reject',
): Promise<SessionOutcome> => {
  const key = input.userIdentifierKey
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    // Insert first: a new key (the usual create) then costs no read before the write. A key a
    // live session holds makes the insert a no-op, and only then is that session read.
    const created = await insertNew(context, workspaceId, input)
    if (created !== undefined) return created
    const existing = key === null ? undefined : await liveSessionFor(context, workspaceId, key)
    if (existing !== undefined) {
      if (onExisting === 'reject') throw alreadyExists()
      return { record: existing }
    }
  }
  throw new ApiError(409, 'client_session_conflict', 'The client session changed concurrently; retry the request.')
}

/**
 * get_or_create (contract §4): the live session for the key, with any given ids granted, `expires_at`
 * set when given, and an expired session renewed; otherwise a new session. Race-free because the
 * insert goes through the unique index, never read-then-write.
 */
export const getOrCreateClientSession = async (context: AppContext, workspaceId: string, input: SessionInput): Promise<SessionOutcome> => {
  const key = input.userIdentifierKey
  if (key === null) return createClientSession(context, workspaceId, input, 'reject')
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const existing = await liveSessionFor(context, workspaceId, key)
    if (existing !== undefined) return { record: await updateExisting(context, existing, input) }
    const created = await insertNew(context, workspaceId, input)
    if (created !== undefined) return created
  }
  throw new ApiError(409, 'client_session_conflict', 'The client session changed concurrently; retry the request.')
}

const missing = (have: string[], want: string[]) => want.filter((id) => !have.includes(id))

const updateExisting = async (context: AppContext, existing: ClientSessionRecord, input: SessionInput) => {
  const { store, clock, config } = context
  const now = clock.now()
  const expired = Date.parse(existing.expiresAt) <= now.getTime()
  const expiresAt = input.expiresAt ?? (expired ? new Date(now.getTime() + config.sessionLifetimeMs).toISOString() : undefined)
  const grant = {
    connectedAccountIds: missing(existing.connectedAccountIds, input.connectedAccountIds),
    connectWebviewIds: missing(existing.connectWebviewIds, input.connectWebviewIds),
    ...optional({
      userIdentityId: input.userIdentityId === null || input.userIdentityId === existing.userIdentityId ? undefined : input.userIdentityId,
      expiresAt,
    }),
  }
  const changes =
    grant.connectedAccountIds.length > 0 || grant.connectWebviewIds.length > 0 || 'userIdentityId' in grant || 'expiresAt' in grant
  // The hot path (nothing to change) costs one read and no write.
  if (!changes) return existing
  // Deleted since it was read: the session this call found is gone, as a later read would say.
  if (!(await store.grantClientSessionAccess(existing.workspaceId, existing.clientSessionId, grant))) throw notFound('client_session')
  const updated = await store.getClientSession(existing.workspaceId, existing.clientSessionId)
  if (updated === undefined) throw notFound('client_session')
  return updated
}
