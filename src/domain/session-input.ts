import { z } from 'zod'

import type { WorkspaceAuth } from '../auth/auth.ts'
import { ApiError, invalidField, notFound } from '../contract/api-error.ts'
import { futureTimestamp, id, idList, userIdentifierKey } from '../contract/fields.ts'
import type { AppContext } from './context.ts'

/** Parameters shared by create and get_or_create (contract §4). */
export const sessionInputParams = z.object({
  user_identifier_key: userIdentifierKey().optional(),
  connected_account_ids: idList().optional(),
  connect_webview_ids: idList().optional(),
  user_identity_id: id().optional(),
  user_identity_ids: z.array(id()).length(1).optional().describe('Deprecated: use user_identity_id.'),
  customer_id: z.string().min(1).max(255).optional(),
  customer_key: z.string().min(1).max(255).optional(),
  expires_at: futureTimestamp().optional(),
})

export type SessionInputParams = z.output<typeof sessionInputParams>

export interface SessionInput {
  userIdentifierKey: string | null
  connectedAccountIds: string[]
  connectWebviewIds: string[]
  userIdentityId: string | null
  customerId: string | null
  customerKey: string | null
  expiresAt: string | null
}

/** A wire timestamp in the one output form, refusing the past (contract §3). */
export const futureExpiry = (value: string, now: Date): string => {
  const at = new Date(value)
  if (at.getTime() <= now.getTime()) throw invalidField('expires_at', 'expires_at must be in the future')
  return at.toISOString()
}

/** The deprecated one-element user_identity_ids folds into user_identity_id; both must agree. */
export const singleUserIdentity = (params: { user_identity_id?: string | undefined; user_identity_ids?: string[] | undefined }) => {
  const fromList = params.user_identity_ids?.[0]
  if (params.user_identity_id !== undefined && fromList !== undefined && fromList !== params.user_identity_id) {
    throw invalidField('user_identity_ids', 'user_identity_ids must match user_identity_id')
  }
  return params.user_identity_id ?? fromList ?? null
}

export const toSessionInput = (params: SessionInputParams, now: Date): SessionInput => ({
  userIdentifierKey: params.user_identifier_key ?? null,
  connectedAccountIds: [...new Set(params.connected_account_ids ?? [])],
  connectWebviewIds: [...new Set(params.connect_webview_ids ?? [])],
  userIdentityId: singleUserIdentity(params),
  customerId: params.customer_id ?? null,
  customerKey: params.customer_key ?? null,
  expiresAt: params.expires_at === undefined ? null : futureExpiry(params.expires_at, now),
})

/** Every id a session will reference must exist in the caller's workspace (404 naming the id). */
export const assertReferencesExist = async (
  { store }: AppContext,
  workspaceId: string,
  refs: { connectedAccountIds: string[]; connectWebviewIds: string[]; userIdentityId: string | null },
): Promise<void> => {
  // Most calls name nothing: those ask the store nothing (the get_or_create hot path).
  if (refs.connectedAccountIds.length === 0 && refs.connectWebviewIds.length === 0 && refs.userIdentityId === null) return
  const none: Promise<string[]> = Promise.resolve([])
  const [accounts, webviews, identities] = await Promise.all([
    refs.connectedAccountIds.length === 0 ? none : store.findMissing(workspaceId, 'connected_account', refs.connectedAccountIds),
    refs.connectWebviewIds.length === 0 ? none : store.findMissing(workspaceId, 'connect_webview', refs.connectWebviewIds),
    refs.userIdentityId === null ? none : store.findMissing(workspaceId, 'user_identity', [refs.userIdentityId]),
  ])
  if (accounts[0] !== undefined) throw notFound('connected_account', accounts[0])
  if (webviews[0] !== undefined) throw notFound('connect_webview', webviews[0])
  if (identities[0] !== undefined) throw notFound('user_identity', identities[0])
}

/**
 * contract §4: a publishable key may only create a session that references nothing, and any id
 * array at all is refused, an empty one included: the caller asked for a kind of session this
 * credential cannot make, and silently ignoring the field would hide that.
 */
const assertEmptyForPublishableKey = (params: SessionInputParams): void => {
  const { connected_account_ids, connect_webview_ids, user_identity_id, user_identity_ids } = params
  if (
    connected_account_ids !== undefined ||
    connect_webview_ids !== undefined ||
    user_identity_id !== undefined ||
    user_identity_ids !== undefined
  ) {
    throw new ApiError(
      403,
      'publishable_keys_must_create_empty_client_sessions',
      'A publishable key can only create client sessions without connected accounts, webviews or user identities.',
    )
  }
}

/**
 * The input of create and get_or_create, checked: a publishable key's session is empty and keyed
 * on the end user's key; every referenced id exists in the caller's workspace.
 */
export const readSessionInput = async (params: SessionInputParams, auth: WorkspaceAuth, context: AppContext): Promise<SessionInput> => {
  const input = toSessionInput(params, context.clock.now())
  if (auth.kind === 'publishable_key') {
    assertEmptyForPublishableKey(params)
    input.userIdentifierKey = auth.userIdentifierKey
  }
  await assertReferencesExist(context, auth.workspaceId, input)
  return input
}
