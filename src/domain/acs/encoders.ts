import { randomUUID } from 'node:crypto'

import { invalidField, notFound } from '../../contract/api-error.ts'
import type {
  AcsCredentialRecord,
  AcsEncodeOutcome,
  AcsEncoderRecord,
  AcsEncoderRun,
  AcsEncoderState,
  AcsScanOutcome,
  ActionAttemptRecord,
  ActionType,
} from '../../store/records.ts'
import type { AppContext } from '../context.ts'
import { toAcsCredentialResource } from '../resources/acs-credential.ts'
import { credentialEvent, credentialNotCard, newCardNumber } from './credential-rules.ts'
import { credentialOf, holderFor } from './credentials.ts'

/** Seam's messages for the outcomes an encoder's simulation can arm. */
const ERROR_MESSAGES: Record<string, string> = {
  no_credential_on_encoder: 'No card was placed on the encoder.',
  encoding_interrupted: 'The card was removed from the encoder before encoding finished.',
  uncategorized_error: 'The encoder failed.',
  action_attempt_expired: 'The encoder did not answer in time.',
  credential_deleted: 'The credential was deleted before it was encoded.',
}

export const encoderOf = async ({ store }: AppContext, workspaceId: string, acsEncoderId: string): Promise<AcsEncoderRecord> => {
  const encoder = await store.getAcsEncoder(workspaceId, acsEncoderId)
  if (encoder === undefined) throw notFound('acs_encoder')
  return encoder
}

const attemptOf = (workspaceId: string, actionType: ActionType, at: string) => ({
  actionAttemptId: randomUUID(),
  workspaceId,
  deviceId: null,
  actionType,
  createdAt: at,
})

const succeeded = (base: ReturnType<typeof attemptOf>, result: Record<string, unknown>): ActionAttemptRecord => ({
  ...base,
  status: 'success',
  result,
  error: null,
})

const failed = (base: ReturnType<typeof attemptOf>, type: string, message = ERROR_MESSAGES[type] ?? type): ActionAttemptRecord => ({
  ...base,
  status: 'error',
  result: null,
  error: { type, message },
})

const run = async (
  context: AppContext,
  encoder: AcsEncoderRecord,
  what: { kind: 'encode'; acsCredentialId: string } | { kind: 'scan' },
  decide: (state: AcsEncoderState) => AcsEncoderRun,
): Promise<ActionAttemptRecord> => {
  const attempt = await context.store.runAcsEncoder(encoder.workspaceId, encoder.acsEncoderId, what, decide)
  // Removed with its connected account meanwhile: as if never found.
  if (attempt === undefined) throw notFound('acs_encoder')
  return attempt
}

/**
 * acs/encoders/encode_credential: writes a card credential onto a card on the encoder. Unless the
 * encoder's simulation armed a failure, the card is issued (a card number if it had none,
 * `is_issued`, `issued_at`) with `acs_credential.issued` (`reissued` the second time); the attempt's
 * result is the credential.
 */
export const encodeCredential = async (
  context: AppContext,
  workspaceId: string,
  input: { acs_encoder_id: string; acs_credential_id?: string | undefined },
): Promise<ActionAttemptRecord> => {
  const encoder = await encoderOf(context, workspaceId, input.acs_encoder_id)
  if (input.acs_credential_id === undefined) throw invalidField('acs_credential_id', 'Required: the card credential to encode.')
  const credential = await credentialOf(context, workspaceId, input.acs_credential_id)
  if (credential.accessMethod !== 'card') throw credentialNotCard(credential)
  if (credential.acsSystemId !== encoder.acsSystemId)
    throw invalidField('acs_credential_id', `Credential ${credential.acsCredentialId} belongs to another access system than the encoder.`)
  const at = context.clock.now().toISOString()
  const base = attemptOf(workspaceId, 'ENCODE_CREDENTIAL', at)
  return run(context, encoder, { kind: 'encode', acsCredentialId: credential.acsCredentialId }, ({ nextEncode, target }) => {
    // Deleted between the read above and this transaction: Seam's error for it.
    if (target === undefined) return { attempt: failed(base, 'credential_deleted'), events: [] }
    const outcome: AcsEncodeOutcome = nextEncode ?? { result: 'success' }
    if (outcome.result === 'error') return { attempt: failed(base, outcome.errorCode), events: [] }
    const issued: AcsCredentialRecord = {
      ...target,
      isIssued: true,
      issuedAt: at,
      cardNumber: target.cardNumber ?? newCardNumber(),
    }
    const eventType = target.isIssued ? 'acs_credential.reissued' : 'acs_credential.issued'
    return {
      attempt: succeeded(base, toAcsCredentialResource(issued)),
      credential: { acsCredentialId: credential.acsCredentialId, changes: { isIssued: true, issuedAt: at, cardNumber: issued.cardNumber } },
      cardAcsCredentialId: credential.acsCredentialId,
      events: [credentialEvent(issued, eventType, at, { acs_encoder_id: encoder.acsEncoderId })],
    }
  })
}

/** What a scan reads off the card (Seam's `acs_credential_on_encoder`). */
const onEncoder = (c: { cardNumber: string | null; createdAt: string; startsAt: string | null; endsAt: string | null }) => ({
  card_number: c.cardNumber,
  created_at: c.createdAt,
  is_issued: true,
  starts_at: c.startsAt ?? c.createdAt,
  ends_at: c.endsAt,
})

type ScanRead =
  | { kind: 'error'; type: string; message?: string }
  | { kind: 'read'; card: AcsCredentialRecord | undefined; result: Record<string, unknown> }

/** What a scan finds, from the armed outcome (else: the card last encoded here, as Seam's sandbox has it). */
const readCard = (outcome: AcsScanOutcome, card: AcsCredentialRecord | undefined, at: string): ScanRead => {
  if (outcome.result === 'error') return { kind: 'error', type: outcome.errorCode }
  switch (outcome.scenario) {
    case 'credential_on_encoder_is_empty':
      return { kind: 'read', card: undefined, result: { acs_credential_on_encoder: null, acs_credential_on_seam: null, warnings: [] } }
    case 'credential_does_not_exist_on_seam':
      return {
        kind: 'read',
        card: undefined,
        result: {
          acs_credential_on_encoder: onEncoder({ cardNumber: newCardNumber(), createdAt: at, startsAt: at, endsAt: null }),
          acs_credential_on_seam: null,
          warnings: [
            { warning_code: 'acs_credential_on_seam_not_found', warning_message: 'The card on the encoder is no credential on Seam.' },
          ],
        },
      }
    default: {
      if (card === undefined) return { kind: 'error', type: 'no_credential_on_encoder' }
      const stale = outcome.scenario === 'credential_on_encoder_needs_update'
      return {
        kind: 'read',
        card,
        result: {
          // Out of sync: the card still holds what it was given when first encoded, without the later end of validity.
          acs_credential_on_encoder: onEncoder(stale ? { ...card, endsAt: null } : card),
          acs_credential_on_seam: toAcsCredentialResource(card),
          warnings: stale
            ? [
                {
                  warning_code: 'acs_credential_on_encoder_out_of_sync',
                  warning_message: 'The card on the encoder differs from its credential on Seam; encode it again.',
                },
              ]
            : [],
        },
      }
    }
  }
}

const DEFAULT_SCAN: AcsScanOutcome = { result: 'success', scenario: 'credential_exists_on_seam' }

/** acs/encoders/scan_credential: reads the card on the encoder; the attempt's result says what is on it and which credential it is. */
export const scanCredential = async (context: AppContext, workspaceId: string, acsEncoderId: string): Promise<ActionAttemptRecord> => {
  const encoder = await encoderOf(context, workspaceId, acsEncoderId)
  const at = context.clock.now().toISOString()
  const base = attemptOf(workspaceId, 'SCAN_CREDENTIAL', at)
  return run(context, encoder, { kind: 'scan' }, ({ nextScan, card }) => {
    const read = readCard(nextScan ?? DEFAULT_SCAN, card, at)
    if (read.kind === 'error') return { attempt: failed(base, read.type), events: [] }
    return { attempt: succeeded(base, read.result), events: [] }
  })
}

/**
 * acs/encoders/scan_to_assign_credential: reads the card on the encoder and gives its credential to
 * the acs user (or the user identity's user on the encoder's system, made if it has none).
 */
export const scanToAssignCredential = async (
  context: AppContext,
  workspaceId: string,
  input: { acs_encoder_id: string; acs_user_id?: string | undefined; user_identity_id?: string | undefined },
): Promise<ActionAttemptRecord> => {
  const encoder = await encoderOf(context, workspaceId, input.acs_encoder_id)
  const holder = await holderFor(context, workspaceId, encoder.acsSystemId, input)
  const at = context.clock.now().toISOString()
  const base = attemptOf(workspaceId, 'SCAN_TO_ASSIGN_CREDENTIAL', at)
  return run(context, encoder, { kind: 'scan' }, ({ nextScan, card }) => {
    const read = readCard(nextScan ?? DEFAULT_SCAN, card, at)
    if (read.kind === 'error') return { attempt: failed(base, read.type), events: [] }
    if (read.card === undefined)
      return {
        attempt: failed(base, 'no_credential_on_encoder', 'The card on the encoder holds no credential of this system to assign.'),
        events: [],
      }
    if (read.card.acsUserId !== null && read.card.acsUserId !== holder.acsUserId)
      return {
        attempt: failed(base, 'uncategorized_error', 'The card on the encoder belongs to another acs user; unassign it first.'),
        events: [],
      }
    const assigned: AcsCredentialRecord = { ...read.card, acsUserId: holder.acsUserId, userIdentityId: holder.userIdentityId }
    return {
      attempt: succeeded(base, toAcsCredentialResource(assigned)),
      credential: {
        acsCredentialId: assigned.acsCredentialId,
        changes: { acsUserId: holder.acsUserId, userIdentityId: holder.userIdentityId },
      },
      events: [],
    }
  })
}

/** acs/encoders/simulate/*: arms the encoder's next encode or scan. */
export const armEncoder = async (
  context: AppContext,
  workspaceId: string,
  acsEncoderId: string,
  arm: { encode: AcsEncodeOutcome } | { scan: AcsScanOutcome },
): Promise<void> => {
  await encoderOf(context, workspaceId, acsEncoderId)
  if ('scan' in arm && arm.scan.result === 'success' && arm.scan.acsCredentialIdOnSeam !== undefined) {
    const credential = await credentialOf(context, workspaceId, arm.scan.acsCredentialIdOnSeam)
    const encoder = await encoderOf(context, workspaceId, acsEncoderId)
    if (credential.accessMethod !== 'card') throw credentialNotCard(credential)
    if (credential.acsSystemId !== encoder.acsSystemId)
      throw invalidField(
        'acs_credential_id_on_seam',
        `Credential ${credential.acsCredentialId} belongs to another access system than the encoder.`,
      )
  }
  if (!(await context.store.armAcsEncoder(workspaceId, acsEncoderId, arm))) throw notFound('acs_encoder')
}
