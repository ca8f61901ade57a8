import type { z } from 'zod'

import { invalidField, notFound } from '../contract/api-error.ts'
import type { acsUserSchema } from '../contract/acs-user.ts'
import { optional } from '../store/optional.ts'
import type { AcsUserRecord, NewEvent, Scope, UserIdentityRecord } from '../store/records.ts'
import type { AppContext } from './context.ts'
import { toAcsUserResource } from './resources/acs-user.ts'

/** An access control event about a resource of a system: its account, and the acs ids on the wire (kept in details). */
export const acsEvent = (
  of: { workspaceId: string; connectedAccountId: string; acsSystemId: string },
  eventType: string,
  at: string,
  details: Record<string, string> = {},
): NewEvent => ({
  workspaceId: of.workspaceId,
  eventType,
  connectedAccountId: of.connectedAccountId,
  occurredAt: at,
  details: { acs_system_id: of.acsSystemId, ...details },
})

/** How Seam's acs user routes name a user: by its id, or by its user identity (and system, when it has users on several). */
export interface AcsUserRef {
  acs_user_id?: string | undefined
  user_identity_id?: string | undefined
  acs_system_id?: string | undefined
}

/**
 * The acs user a request names, as the scope sees it: `acs_user_id` (with `acs_system_id`, they
 * must agree), or the user identity's user on `acs_system_id` (its only one when the system is not
 * given). 404 acs_user_not_found when none is; 400 when neither id is given.
 */
export const findAcsUser = async (context: AppContext, scope: Scope, ref: AcsUserRef): Promise<AcsUserRecord> => {
  if (ref.acs_user_id !== undefined) {
    const user = await context.store.getAcsUser(scope, ref.acs_user_id)
    if (user === undefined) throw notFound('acs_user')
    if (ref.acs_system_id !== undefined && user.acsSystemId !== ref.acs_system_id) throw notFound('acs_user')
    if (ref.user_identity_id !== undefined && user.userIdentityId !== ref.user_identity_id) throw notFound('acs_user')
    return user
  }
  if (ref.user_identity_id === undefined) throw invalidField('acs_user_id', 'acs_user_id or user_identity_id is required')
  const page = await context.store.listAcsUsers(
    scope,
    { userIdentityId: ref.user_identity_id, ...optional({ acsSystemId: ref.acs_system_id }) },
    { limit: 2, after: undefined },
  )
  const [user, another] = page.items
  if (user === undefined) throw notFound('acs_user')
  if (another !== undefined) throw invalidField('acs_system_id', 'the user identity has acs users on several systems: give acs_system_id')
  return user
}

/** Users on the wire, each with its user identity's fields (each identity read once). */
export const acsUserResources = async (
  context: AppContext,
  workspaceId: string,
  users: readonly AcsUserRecord[],
): Promise<z.infer<typeof acsUserSchema>[]> => {
  const whole = { workspaceId, clientSessionId: null }
  const identities = new Map<string, UserIdentityRecord | undefined>()
  for (const u of users)
    if (u.userIdentityId !== null && !identities.has(u.userIdentityId))
      identities.set(
        u.userIdentityId,
        // A seeded user's identity is unmanaged until adopted (user_identities/unmanaged/*); its fields show all the same.
        (await context.store.getUserIdentity(whole, u.userIdentityId)) ??
          (await context.store.getUnmanagedUserIdentity(whole, u.userIdentityId)),
      )
  return users.map((u) => toAcsUserResource(u, u.userIdentityId === null ? undefined : identities.get(u.userIdentityId)))
}
