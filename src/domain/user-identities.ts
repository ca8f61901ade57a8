import { invalidField, notFound } from '../contract/api-error.ts'
import type { Scope, UserIdentityRecord } from '../store/records.ts'
import type { AppContext } from './context.ts'
import { toUnmanagedUserIdentityResource, toUserIdentityResource } from './resources/user-identity.ts'

/** A managed identity in the caller's scope by its id, or 404 user_identity_not_found (absent and out of scope alike). */
export const identityInScope = async (context: AppContext, scope: Scope, userIdentityId: string): Promise<UserIdentityRecord> => {
  const identity = await context.store.getUserIdentity(scope, userIdentityId)
  if (identity === undefined) throw notFound('user_identity')
  return identity
}

/** A managed identity named by `user_identity_id` or by `user_identity_key` (both given: the same one). */
export const identityByIdOrKey = async (
  context: AppContext,
  scope: Scope,
  params: { user_identity_id?: string | undefined; user_identity_key?: string | undefined },
): Promise<UserIdentityRecord> => {
  if (params.user_identity_id !== undefined) {
    const identity = await identityInScope(context, scope, params.user_identity_id)
    if (params.user_identity_key !== undefined && identity.userIdentityKey !== params.user_identity_key) throw notFound('user_identity')
    return identity
  }
  if (params.user_identity_key === undefined) throw invalidField('user_identity_id', 'user_identity_id or user_identity_key is required')
  const page = await context.store.listUserIdentities(scope, { userIdentityKey: params.user_identity_key }, { limit: 1, after: undefined })
  const identity = page.items[0]
  if (identity === undefined) throw notFound('user_identity')
  return identity
}

/** Identities on the wire, each with its `acs_user_ids` (one read for all of them). */
export const userIdentityResources = async (context: AppContext, workspaceId: string, identities: readonly UserIdentityRecord[]) => {
  const acsUsers = await context.store.acsUserIdsOfIdentities(
    workspaceId,
    identities.map((u) => u.userIdentityId),
  )
  return identities.map((u) => toUserIdentityResource(u, acsUsers.get(u.userIdentityId) ?? []))
}

export const unmanagedUserIdentityResources = async (
  context: AppContext,
  workspaceId: string,
  identities: readonly UserIdentityRecord[],
) => {
  const acsUsers = await context.store.acsUserIdsOfIdentities(
    workspaceId,
    identities.map((u) => u.userIdentityId),
  )
  return identities.map((u) => toUnmanagedUserIdentityResource(u, acsUsers.get(u.userIdentityId) ?? []))
}
