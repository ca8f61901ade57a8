import { randomUUID } from 'node:crypto'

import { ApiError, invalidField, notFound } from '../../contract/api-error.ts'
import type { AcsAccessMethod, AcsCredentialRecord, AcsSystemRecord, AcsUserRecord, Scope } from '../../store/records.ts'
import { optional } from '../../store/optional.ts'
import type { AppContext } from '../context.ts'
import {
  canUnlockWith,
  checkValidity,
  codeFor,
  credentialEvent,
  credentialExternalTypeOf,
  requireAccessMethod,
} from './credential-rules.ts'

const ALL = { limit: 10_000, after: undefined }

const workspaceScope = (workspaceId: string): Scope => ({ workspaceId, clientSessionId: null })

export const credentialOf = async ({ store }: AppContext, workspaceId: string, acsCredentialId: string): Promise<AcsCredentialRecord> => {
  const credential = await store.getAcsCredential(workspaceScope(workspaceId), acsCredentialId)
  if (credential === undefined) throw notFound('acs_credential')
  return credential
}

const userOf = async ({ store }: AppContext, workspaceId: string, acsUserId: string): Promise<AcsUserRecord> => {
  const user = await store.getAcsUser(workspaceScope(workspaceId), acsUserId)
  if (user === undefined) throw notFound('acs_user')
  return user
}

const systemOf = async ({ store }: AppContext, workspaceId: string, acsSystemId: string): Promise<AcsSystemRecord> => {
  const system = await store.getAcsSystem(workspaceScope(workspaceId), acsSystemId)
  if (system === undefined) throw notFound('acs_system')
  return system
}

/** The acs user of a user identity on a system, if it has one there. */
const identityUserOn = async ({ store }: AppContext, workspaceId: string, userIdentityId: string, acsSystemId: string) => {
  if ((await store.getUserIdentity(workspaceScope(workspaceId), userIdentityId)) === undefined) throw notFound('user_identity')
  const users = await store.listAcsUsers(workspaceScope(workspaceId), { userIdentityId, acsSystemId }, { limit: 1, after: undefined })
  return users.items[0]
}

export interface CreateCredentialInput {
  access_method: AcsAccessMethod
  acs_user_id?: string | undefined
  user_identity_id?: string | undefined
  acs_system_id?: string | undefined
  allowed_acs_entrance_ids: string[]
  code?: string | undefined
  starts_at?: string | undefined
  ends_at?: string | undefined
  is_multi_phone_sync_credential: boolean
}

/** A timestamp as stored: UTC, whatever offset it was given with. */
const utc = (t: string | undefined): string | null => (t === undefined ? null : new Date(t).toISOString())

const LABELS: Record<AcsAccessMethod, string> = { code: 'PIN code', card: 'card', mobile_key: 'mobile key', cloud_key: 'cloud key' }

/**
 * acs/credentials/create. The credential belongs to an acs user, or to a user identity on a system
 * (its acs user there, made when it has none). A card is not issued until an encoder writes it
 * (acs/encoders/encode_credential); the other methods are issued as they are made
 * (`acs_credential.issued`). A code credential without a code gets a generated PIN.
 */
export const createCredential = async (
  context: AppContext,
  workspaceId: string,
  input: CreateCredentialInput,
): Promise<AcsCredentialRecord> => {
  let user: AcsUserRecord | undefined
  let acsSystemId: string
  let userIdentityId: string | null
  if (input.acs_user_id !== undefined) {
    if (input.user_identity_id !== undefined)
      throw invalidField('user_identity_id', 'Give either acs_user_id or user_identity_id, not both.')
    user = await userOf(context, workspaceId, input.acs_user_id)
    if (input.acs_system_id !== undefined && input.acs_system_id !== user.acsSystemId)
      throw invalidField('acs_system_id', `The acs user ${user.acsUserId} belongs to another access system.`)
    acsSystemId = user.acsSystemId
    userIdentityId = user.userIdentityId
  } else if (input.user_identity_id !== undefined) {
    if (input.acs_system_id === undefined) throw invalidField('acs_system_id', 'Required with user_identity_id.')
    await systemOf(context, workspaceId, input.acs_system_id)
    user = await identityUserOn(context, workspaceId, input.user_identity_id, input.acs_system_id)
    acsSystemId = input.acs_system_id
    userIdentityId = input.user_identity_id
  } else {
    throw invalidField('acs_user_id', 'Give acs_user_id, or user_identity_id with acs_system_id.')
  }
  const system = await systemOf(context, workspaceId, acsSystemId)
  const entrances = (await context.store.listAcsEntrances(workspaceScope(workspaceId), { acsSystemId }, ALL)).items
  requireAccessMethod(system, entrances, input.access_method)
  // A mobile key lives on the phones of a user identity: a user of the system alone has none.
  if (input.access_method === 'mobile_key' && userIdentityId === null)
    throw invalidField('access_method', 'A mobile_key credential belongs to an acs user with a user identity, whose phones hold the key.')
  for (const id of input.allowed_acs_entrance_ids) {
    const entrance = entrances.find((e) => e.acsEntranceId === id)
    if (entrance !== undefined && !canUnlockWith(entrance, input.access_method))
      throw invalidField(
        'allowed_acs_entrance_ids',
        `The entrance ${entrance.displayName} cannot be unlocked with a ${input.access_method}.`,
      )
  }
  const now = context.clock.now()
  const at = now.toISOString()
  const startsAt = utc(input.starts_at)
  const endsAt = utc(input.ends_at)
  checkValidity(startsAt, endsAt, now)
  const code = codeFor(input.access_method, input.code)
  // A user identity with no acs user on the system gets one (as Seam does), once the request is known good.
  if (user === undefined && userIdentityId !== null)
    user = await holderFor(context, workspaceId, acsSystemId, { user_identity_id: userIdentityId })
  const issued = input.access_method !== 'card'
  const credential: AcsCredentialRecord = {
    acsCredentialId: randomUUID(),
    workspaceId,
    acsSystemId,
    connectedAccountId: system.connectedAccountId,
    acsUserId: user?.acsUserId ?? null,
    userIdentityId,
    displayName: `${user?.fullName ?? 'Unassigned'} ${LABELS[input.access_method]}`,
    accessMethod: input.access_method,
    externalType: credentialExternalTypeOf(system),
    code,
    cardNumber: null,
    isIssued: issued,
    issuedAt: issued ? at : null,
    startsAt,
    endsAt,
    isMultiPhoneSyncCredential: input.is_multi_phone_sync_credential,
    isOneTimeUse: false,
    parentAcsCredentialId: null,
    createdAt: at,
  }
  const events = issued ? [credentialEvent(credential, 'acs_credential.issued', at)] : []
  const result = await context.store.insertAcsCredential(credential, input.allowed_acs_entrance_ids, events)
  if (result === 'entrance_not_found') throw notFound('acs_entrance')
  return credential
}

/** acs/credentials/update: a new code (code credentials only) or a new end of validity. */
export const updateCredential = async (
  context: AppContext,
  workspaceId: string,
  input: { acs_credential_id: string; code?: string | undefined; ends_at?: string | undefined },
): Promise<AcsCredentialRecord> => {
  const credential = await credentialOf(context, workspaceId, input.acs_credential_id)
  const code = input.code === undefined ? undefined : codeFor(credential.accessMethod, input.code)
  const endsAt = utc(input.ends_at)
  if (endsAt !== null) checkValidity(credential.startsAt, endsAt, context.clock.now())
  const updated = await context.store.updateAcsCredential(
    workspaceId,
    credential.acsCredentialId,
    optional({ code: code ?? undefined, endsAt: endsAt ?? undefined }),
    [],
  )
  if (updated === undefined) throw notFound('acs_credential')
  return updated
}

/** acs/credentials/delete: the credential is revoked (opens nothing) and gone, with `acs_credential.deleted`. */
export const deleteCredential = async (context: AppContext, workspaceId: string, acsCredentialId: string): Promise<void> => {
  const credential = await credentialOf(context, workspaceId, acsCredentialId)
  const event = credentialEvent(credential, 'acs_credential.deleted', context.clock.now().toISOString())
  if (!(await context.store.deleteAcsCredential(workspaceId, acsCredentialId, [event]))) throw notFound('acs_credential')
}

const USER_EXTERNAL_TYPES: Record<string, string> = { salto_space_system: 'salto_space_user', salto_ks_site: 'salto_site_user' }

/**
 * The acs user a credential goes to: the one named, of the credential's system, or the user
 * identity's user there, made (with `acs_user.created`) when the identity has none, as Seam does.
 */
export const holderFor = async (
  context: AppContext,
  workspaceId: string,
  acsSystemId: string,
  target: { acs_user_id?: string | undefined; user_identity_id?: string | undefined },
): Promise<AcsUserRecord> => {
  if (target.acs_user_id !== undefined && target.user_identity_id !== undefined)
    throw invalidField('user_identity_id', 'Give either acs_user_id or user_identity_id, not both.')
  if (target.acs_user_id !== undefined) {
    const user = await userOf(context, workspaceId, target.acs_user_id)
    if (user.acsSystemId !== acsSystemId)
      throw invalidField('acs_user_id', `The acs user ${user.acsUserId} belongs to another access system.`)
    return user
  }
  if (target.user_identity_id === undefined) throw invalidField('acs_user_id', 'Give acs_user_id or user_identity_id.')
  const existing = await identityUserOn(context, workspaceId, target.user_identity_id, acsSystemId)
  if (existing !== undefined) return existing
  const system = await systemOf(context, workspaceId, acsSystemId)
  const identity = await context.store.getUserIdentity(workspaceScope(workspaceId), target.user_identity_id)
  if (identity === undefined) throw notFound('user_identity')
  const at = context.clock.now().toISOString()
  const user: AcsUserRecord = {
    acsUserId: randomUUID(),
    workspaceId,
    acsSystemId,
    connectedAccountId: system.connectedAccountId,
    userIdentityId: identity.userIdentityId,
    externalType: USER_EXTERNAL_TYPES[system.externalType] ?? 'salto_site_user',
    fullName: identity.fullName,
    emailAddress: identity.emailAddress,
    phoneNumber: identity.phoneNumber,
    isSuspended: false,
    accessStartsAt: null,
    accessEndsAt: null,
    createdAt: at,
  }
  const created = await context.store.insertAcsUser(
    user,
    [],
    [
      {
        workspaceId,
        eventType: 'acs_user.created',
        connectedAccountId: system.connectedAccountId,
        occurredAt: at,
        details: { acs_system_id: acsSystemId, acs_user_id: user.acsUserId, user_identity_id: identity.userIdentityId },
      },
    ],
  )
  if (created !== 'created') throw notFound('acs_system')
  return user
}

/** acs/credentials/assign: an unassigned credential (or one already the user's) goes to the user. */
export const assignCredential = async (
  context: AppContext,
  workspaceId: string,
  input: { acs_credential_id: string; acs_user_id?: string | undefined; user_identity_id?: string | undefined },
): Promise<AcsCredentialRecord> => {
  const credential = await credentialOf(context, workspaceId, input.acs_credential_id)
  const user = await holderFor(context, workspaceId, credential.acsSystemId, input)
  if (credential.acsUserId !== null && credential.acsUserId !== user.acsUserId)
    throw new ApiError(
      400,
      'acs_credential_already_assigned',
      `Credential ${credential.acsCredentialId} belongs to another acs user; unassign it first.`,
    )
  const updated = await context.store.updateAcsCredential(
    workspaceId,
    credential.acsCredentialId,
    { acsUserId: user.acsUserId, userIdentityId: user.userIdentityId },
    [],
  )
  if (updated === undefined) throw notFound('acs_credential')
  return updated
}

/** acs/credentials/unassign: the credential leaves its user (the one named must be it) and opens only the entrances it names. */
export const unassignCredential = async (
  context: AppContext,
  workspaceId: string,
  input: { acs_credential_id: string; acs_user_id?: string | undefined; user_identity_id?: string | undefined },
): Promise<AcsCredentialRecord> => {
  const credential = await credentialOf(context, workspaceId, input.acs_credential_id)
  if (input.acs_user_id !== undefined && input.user_identity_id !== undefined)
    throw invalidField('user_identity_id', 'Give either acs_user_id or user_identity_id, not both.')
  if (input.acs_user_id !== undefined) await userOf(context, workspaceId, input.acs_user_id)
  const holder = input.acs_user_id ?? input.user_identity_id
  const held = input.acs_user_id !== undefined ? credential.acsUserId : credential.userIdentityId
  if (holder === undefined) throw invalidField('acs_user_id', 'Give acs_user_id or user_identity_id.')
  if (held !== holder)
    throw new ApiError(400, 'acs_credential_not_assigned', `Credential ${credential.acsCredentialId} is not assigned to ${holder}.`)
  const updated = await context.store.updateAcsCredential(
    workspaceId,
    credential.acsCredentialId,
    { acsUserId: null, userIdentityId: null },
    [],
  )
  if (updated === undefined) throw notFound('acs_credential')
  return updated
}
