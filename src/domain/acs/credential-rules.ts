import { randomInt } from 'node:crypto'

import { ApiError, invalidField } from '../../contract/api-error.ts'
import type { AcsAccessMethod, AcsCredentialRecord, AcsEntranceRecord, AcsSystemRecord, NewEvent } from '../../store/records.ts'

/** The credential external type of each system type Latchkey's sandbox has (Seam's `acs_credential.external_type`). */
const CREDENTIAL_EXTERNAL_TYPES: Record<string, string> = {
  salto_space_system: 'salto_space_key',
  salto_ks_site: 'salto_ks_credential',
}

export const credentialExternalTypeOf = (system: AcsSystemRecord): string | null => CREDENTIAL_EXTERNAL_TYPES[system.externalType] ?? null

const CAN_UNLOCK: Record<AcsAccessMethod, (e: AcsEntranceRecord) => boolean> = {
  code: (e) => e.canUnlockWithCode,
  card: (e) => e.canUnlockWithCard,
  mobile_key: (e) => e.canUnlockWithMobileKey,
  cloud_key: (e) => e.canUnlockWithCloudKey,
}

export const canUnlockWith = (entrance: AcsEntranceRecord, method: AcsAccessMethod): boolean => CAN_UNLOCK[method](entrance)

/**
 * A system takes the access methods some entrance of it can be unlocked with (Salto Space has no
 * PIN codes); an access method none of its doors read would make a credential that opens nothing.
 */
export const requireAccessMethod = (system: AcsSystemRecord, entrances: readonly AcsEntranceRecord[], method: AcsAccessMethod): void => {
  if (entrances.some((e) => canUnlockWith(e, method))) return
  throw invalidField('access_method', `The access system ${system.name} does not support the ${method} access method.`)
}

/** PIN codes of the sandbox's systems: 4 to 8 digits (the digits-only pattern is Seam's; the length is the keypads'). */
const PIN = /^\d{4,8}$/

/** The code a code credential gets: the one given, checked, or a generated six-digit PIN; null for the other methods (which take none). */
export const codeFor = (method: AcsAccessMethod, given: string | undefined): string | null => {
  if (method !== 'code') {
    if (given !== undefined) throw invalidField('code', `A ${method} credential has no code; only code credentials take one.`)
    return null
  }
  if (given === undefined) return String(randomInt(0, 1_000_000)).padStart(6, '0')
  if (!PIN.test(given)) throw invalidField('code', 'Must be 4 to 8 digits.')
  return given
}

/** Seam's validity window: ends after it starts, and in the future. */
export const checkValidity = (startsAt: string | null, endsAt: string | null, now: Date): void => {
  if (endsAt === null) return
  if (Date.parse(endsAt) <= now.getTime()) throw invalidField('ends_at', 'Must be a time in the future.')
  if (startsAt !== null && Date.parse(endsAt) <= Date.parse(startsAt)) throw invalidField('ends_at', 'Must be after starts_at.')
}

/** Whether the credential's validity window holds `now` (no window: always). */
export const isValidAt = (c: AcsCredentialRecord, now: Date): boolean =>
  (c.startsAt === null || Date.parse(c.startsAt) <= now.getTime()) && (c.endsAt === null || Date.parse(c.endsAt) > now.getTime())

/** An event about a credential, with the acs ids Seam's event carries. */
export const credentialEvent = (
  c: AcsCredentialRecord,
  eventType: string,
  occurredAt: string,
  details: Record<string, unknown> = {},
): NewEvent => ({
  workspaceId: c.workspaceId,
  eventType,
  connectedAccountId: c.connectedAccountId,
  occurredAt,
  details: { acs_system_id: c.acsSystemId, acs_credential_id: c.acsCredentialId, ...details },
})

/** A card number as the sandbox's encoders write them: ten digits. */
export const newCardNumber = (): string => String(randomInt(0, 10_000_000_000)).padStart(10, '0')

export const credentialNotCard = (c: AcsCredentialRecord): ApiError =>
  new ApiError(
    400,
    'invalid_access_method',
    `Credential ${c.acsCredentialId} is a ${c.accessMethod} credential; only card credentials are encoded.`,
  )
