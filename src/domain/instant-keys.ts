import { randomUUID } from 'node:crypto'

import type { z } from 'zod'

import type { instantKeySchema } from '../contract/instant-key.ts'
import type { InstantKeyRecord, UserIdentityRecord } from '../store/records.ts'
import { createClientSession } from './client-sessions.ts'
import type { AppContext } from './context.ts'
import { toInstantKeyResource } from './resources/instant-key.ts'

/** How long an Instant Key (and the client session behind it) lasts: Latchkey's choice, two days. */
export const INSTANT_KEY_LIFETIME_MS = 48 * 60 * 60 * 1000

/** Where the link's token rides: the URL's fragment, which browsers never send to a server. */
const TOKEN_FRAGMENT = '#client_session_token='

/**
 * Makes a user identity's Instant Key: a client session of the identity, made by the ordinary
 * client session path (so its token is an ordinary token with the identity's scope), and the key's
 * row. The stored URL has no token; the wire's URL carries it (instantKeyResource), so the secret
 * stays encrypted at rest with its session.
 */
export const generateInstantKey = async (
  context: AppContext,
  identity: UserIdentityRecord,
  origin: string,
): Promise<{ key: InstantKeyRecord; token: string | undefined }> => {
  const now = context.clock.now()
  const expiresAt = new Date(now.getTime() + INSTANT_KEY_LIFETIME_MS).toISOString()
  const { record, mintedToken } = await createClientSession(
    context,
    identity.workspaceId,
    {
      userIdentifierKey: null,
      connectedAccountIds: [],
      connectWebviewIds: [],
      userIdentityId: identity.userIdentityId,
      customerId: null,
      customerKey: null,
      expiresAt,
    },
    'reject',
  )
  const instantKeyId = randomUUID()
  const key: InstantKeyRecord = {
    instantKeyId,
    workspaceId: identity.workspaceId,
    userIdentityId: identity.userIdentityId,
    clientSessionId: record.clientSessionId,
    instantKeyUrl: `${origin}/instant_keys/${instantKeyId}`,
    customization: null,
    customizationProfileId: null,
    expiresAt,
    createdAt: now.toISOString(),
  }
  await context.store.insertInstantKey(key)
  return { key, token: mintedToken }
}

/** The link as the caller passed it, without its token: what the store keeps. */
export const storedInstantKeyUrl = (url: string): string => url.split('#')[0] ?? url

/** The key on the wire, its URL carrying the session's token while the session lives. */
export const instantKeyResource = (key: InstantKeyRecord, token: string | undefined): z.infer<typeof instantKeySchema> => {
  const resource = toInstantKeyResource(key)
  return token === undefined ? resource : { ...resource, instant_key_url: `${key.instantKeyUrl}${TOKEN_FRAGMENT}${token}` }
}

/** The token of a stored key's session, opened from its ciphertext; none once the session is revoked or gone. */
export const instantKeyToken = async (context: AppContext, key: InstantKeyRecord): Promise<string | undefined> => {
  const session = await context.store.getClientSession(key.workspaceId, key.clientSessionId)
  if (session === undefined || session.revokedAt !== null) return undefined
  return context.tokenCipher.decrypt(session.tokenCiphertext, session.clientSessionId)
}
