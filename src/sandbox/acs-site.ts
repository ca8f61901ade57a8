import { randomUUID } from 'node:crypto'

import type { AcsAccessMethod, AcsSeed } from '../store/records.ts'

/** How an entrance can be opened, and the provider's metadata for it (`{ salto_space_metadata: {...} }`). */
export interface SiteEntrance {
  name: string
  card: boolean
  code: boolean
  mobileKey: boolean
  cloudKey: boolean
  metadata: Record<string, unknown>
}

export interface SiteUser {
  fullName: string
  email: string | null
  phoneNumber: string | null
  /** Names of the site's access groups the user belongs to. */
  groups: readonly string[]
}

export interface SiteCredential {
  /** The full name of the site's user it belongs to. */
  user: string
  displayName: string
  accessMethod: AcsAccessMethod
  externalType: string
  code: string | null
  cardNumber: string | null
}

/**
 * A sandbox access control site, as a provider's file describes it by names: its system, its
 * entrances, its access groups (each naming its entrances), its users (each naming its groups),
 * their credentials, and its encoders. `acsSeedOf` makes the records a sign-in stores.
 */
export interface AcsSite {
  name: string
  externalType: string
  userExternalType: string
  groupExternalType: string
  timeZone: string
  entrances: readonly SiteEntrance[]
  groups: readonly { name: string; entrances: readonly string[] }[]
  users: readonly SiteUser[]
  credentials: readonly SiteCredential[]
  encoders: readonly string[]
}

/** Looks a name up in what was made from the site's description; a provider file naming nothing there is a bug. */
const idOf = (ids: ReadonlyMap<string, string>, name: string): string => {
  const id = ids.get(name)
  if (id === undefined) throw new Error(`sandbox site: ${name} is not described`)
  return id
}

/** The records of one site for a new account: fresh ids, every row created at `at`. */
export const acsSeedOf = (site: AcsSite, workspaceId: string, connectedAccountId: string, at: string): AcsSeed => {
  const acsSystemId = randomUUID()
  const common = { workspaceId, acsSystemId, connectedAccountId, createdAt: at }
  const entrances = site.entrances.map((e) => ({
    ...common,
    acsEntranceId: randomUUID(),
    displayName: e.name,
    canUnlockWithCard: e.card,
    canUnlockWithCode: e.code,
    canUnlockWithMobileKey: e.mobileKey,
    canUnlockWithCloudKey: e.cloudKey,
    isLocked: e.cloudKey ? true : null,
    providerMetadata: e.metadata,
  }))
  const entranceIds = new Map(entrances.map((e) => [e.displayName, e.acsEntranceId]))
  const accessGroups = site.groups.map((g) => ({
    ...common,
    acsAccessGroupId: randomUUID(),
    name: g.name,
    externalType: site.groupExternalType,
    accessStartsAt: null,
    accessEndsAt: null,
  }))
  const groupIds = new Map(accessGroups.map((g) => [g.name, g.acsAccessGroupId]))
  const users = site.users.map((u) => ({
    ...common,
    acsUserId: randomUUID(),
    userIdentityId: null,
    externalType: site.userExternalType,
    fullName: u.fullName,
    emailAddress: u.email,
    phoneNumber: u.phoneNumber,
    isSuspended: false,
    accessStartsAt: null,
    accessEndsAt: null,
  }))
  const userIds = new Map(users.map((u) => [u.fullName ?? '', u.acsUserId]))
  return {
    systems: [{ ...common, name: site.name, externalType: site.externalType, isCredentialManager: false, timeZone: site.timeZone }],
    entrances,
    accessGroups,
    accessGroupEntrances: site.groups.flatMap((g) =>
      g.entrances.map((name) => ({ acsAccessGroupId: idOf(groupIds, g.name), acsEntranceId: idOf(entranceIds, name) })),
    ),
    users,
    userAccessGroups: site.users.flatMap((u) =>
      u.groups.map((name) => ({ acsUserId: idOf(userIds, u.fullName), acsAccessGroupId: idOf(groupIds, name) })),
    ),
    credentials: site.credentials.map((c) => ({
      ...common,
      acsCredentialId: randomUUID(),
      acsUserId: idOf(userIds, c.user),
      userIdentityId: null,
      displayName: c.displayName,
      accessMethod: c.accessMethod,
      externalType: c.externalType,
      code: c.code,
      cardNumber: c.cardNumber,
      isIssued: true,
      issuedAt: at,
      startsAt: null,
      endsAt: null,
      isMultiPhoneSyncCredential: false,
      isOneTimeUse: false,
      parentAcsCredentialId: null,
    })),
    // A credential opens its user's entrances: none of its own.
    credentialEntrances: [],
    encoders: site.encoders.map((name) => ({
      workspaceId,
      acsSystemId,
      connectedAccountId,
      createdAt: at,
      acsEncoderId: randomUUID(),
      displayName: name,
    })),
  }
}
