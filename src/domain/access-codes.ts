import { randomUUID } from 'node:crypto'

import { ApiError, invalidField, notFound } from '../contract/api-error.ts'
import { codeFitsLock, codeLengthsOf, freeCode } from '../sandbox/access-codes.ts'
import { optional } from '../store/optional.ts'
import type { AccessCodeRecord, AccessCodeWriteResult, ActionAttemptRecord, ActionType, DeviceRecord, Scope } from '../store/records.ts'
import type { AppContext } from './context.ts'
import { lockInScope } from './locks.ts'
import { toAccessCodeResource } from './resources/access-code.ts'

export interface AccessCodeFields {
  name?: string | null | undefined
  code?: string | undefined
  starts_at?: string | undefined
  ends_at?: string | undefined
  type?: 'ongoing' | 'time_bound' | undefined
  common_code_key?: string | undefined
}

export const duplicateCode = () =>
  new ApiError(400, 'duplicate_access_code', 'The lock already has an access code with this code; choose another code.')

/**
 * The code's time window, checked: none (ongoing), or both ends with `starts_at` before `ends_at`
 * and `ends_at` still ahead. A half-given window is refused rather than guessed.
 */
export const timeWindow = (fields: AccessCodeFields, current: { startsAt: string | null; endsAt: string | null }, now: Date) => {
  if (fields.type === 'ongoing') return { startsAt: null, endsAt: null }
  const startsAt = fields.starts_at === undefined ? current.startsAt : new Date(fields.starts_at).toISOString()
  const endsAt = fields.ends_at === undefined ? current.endsAt : new Date(fields.ends_at).toISOString()
  if (startsAt === null && endsAt === null) {
    if (fields.type === 'time_bound') throw invalidField('starts_at', 'a time_bound access code needs starts_at and ends_at')
    return { startsAt, endsAt }
  }
  if (startsAt === null) throw invalidField('starts_at', 'starts_at is required with ends_at')
  if (endsAt === null) throw invalidField('ends_at', 'ends_at is required with starts_at')
  if (new Date(endsAt).getTime() <= new Date(startsAt).getTime()) throw invalidField('ends_at', 'ends_at must be after starts_at')
  if (new Date(endsAt).getTime() <= now.getTime()) throw invalidField('ends_at', 'ends_at must be in the future')
  return { startsAt, endsAt }
}

/** The code, when the lock takes it (digits, of a length in `lengths`); otherwise 400 naming the lengths. */
export const checkedCode = (code: string, lengths: readonly number[]): string => {
  if (!codeFitsLock(code, lengths)) throw invalidField('code', `code must be digits of length ${lengths.join(', ')} for this lock`)
  return code
}

export const attemptFor = (
  code: AccessCodeRecord,
  actionType: ActionType,
  at: string,
  result: Record<string, unknown>,
): ActionAttemptRecord => ({
  actionAttemptId: randomUUID(),
  workspaceId: code.workspaceId,
  deviceId: code.deviceId,
  actionType,
  status: 'success',
  result,
  error: null,
  createdAt: at,
})

export const eventFor = (
  code: AccessCodeRecord,
  device: DeviceRecord,
  eventType: string,
  attempt: ActionAttemptRecord,
  at: string,
  details = {},
) => ({
  workspaceId: code.workspaceId,
  eventType,
  deviceId: code.deviceId,
  connectedAccountId: device.connectedAccountId,
  accessCodeId: code.accessCodeId,
  actionAttemptId: attempt.actionAttemptId,
  occurredAt: at,
  details,
})

export const settled = (result: AccessCodeWriteResult): void => {
  if (result === 'duplicate_code') throw duplicateCode()
  if (result === 'not_found') throw notFound('access_code')
}

/** Creates a code on a lock of the scope; without `code`, a free one is generated. */
export const createAccessCode = async (context: AppContext, scope: Scope, deviceId: string, fields: AccessCodeFields) => {
  const device = await lockInScope(context, scope, deviceId)
  const now = context.clock.now()
  const at = now.toISOString()
  const window = timeWindow(fields, { startsAt: null, endsAt: null }, now)
  const code =
    fields.code === undefined
      ? freeCode(new Set(await context.store.listCodesOnDevice(device.workspaceId, deviceId)), codeLengthsOf(device))
      : checkedCode(fields.code, codeLengthsOf(device))
  const record: AccessCodeRecord = {
    accessCodeId: randomUUID(),
    workspaceId: device.workspaceId,
    deviceId,
    name: fields.name ?? null,
    code,
    commonCodeKey: fields.common_code_key ?? null,
    ...window,
    createdAt: at,
  }
  const attempt = attemptFor(record, 'CREATE_ACCESS_CODE', at, { access_code: toAccessCodeResource(record, now) })
  settled(await context.store.insertAccessCode(record, { attempt, event: eventFor(record, device, 'access_code.created', attempt, at) }))
  return { accessCode: record, attempt }
}

export const accessCodeInScope = async ({ store }: AppContext, scope: Scope, accessCodeId: string): Promise<AccessCodeRecord> => {
  const code = await store.getAccessCode(scope, accessCodeId)
  if (code === undefined) throw notFound('access_code')
  return code
}

/** Changes a code's name, code or window (or makes it ongoing); `access_code.changed` is recorded. */
export const updateAccessCode = async (context: AppContext, scope: Scope, accessCodeId: string, fields: AccessCodeFields) => {
  const current = await accessCodeInScope(context, scope, accessCodeId)
  const device = await lockInScope(context, scope, current.deviceId)
  const now = context.clock.now()
  const at = now.toISOString()
  const updated: AccessCodeRecord = {
    ...current,
    ...optional({ name: fields.name, code: fields.code === undefined ? undefined : checkedCode(fields.code, codeLengthsOf(device)) }),
    ...timeWindow(fields, current, now),
  }
  const attempt = attemptFor(updated, 'UPDATE_ACCESS_CODE', at, { access_code: toAccessCodeResource(updated, now) })
  settled(await context.store.updateAccessCode(updated, { attempt, event: eventFor(updated, device, 'access_code.changed', attempt, at) }))
  return attempt
}

/** Removes a code from its lock; `access_code.deleted` keeps the code that was removed. */
export const deleteAccessCode = async (context: AppContext, scope: Scope, accessCodeId: string) => {
  const current = await accessCodeInScope(context, scope, accessCodeId)
  const device = await lockInScope(context, scope, current.deviceId)
  const at = context.clock.now().toISOString()
  const attempt = attemptFor(current, 'DELETE_ACCESS_CODE', at, {})
  const event = eventFor(current, device, 'access_code.deleted', attempt, at, { code: current.code })
  if (!(await context.store.deleteAccessCode(current.workspaceId, accessCodeId, { attempt, event }))) throw notFound('access_code')
  return attempt
}

/** A code the lock would take now, not stored: what a form offers before the user saves. */
export const generateAccessCode = async (context: AppContext, scope: Scope, deviceId: string): Promise<AccessCodeRecord> => {
  const device = await lockInScope(context, scope, deviceId)
  const code = freeCode(new Set(await context.store.listCodesOnDevice(device.workspaceId, deviceId)), codeLengthsOf(device))
  return {
    accessCodeId: randomUUID(),
    workspaceId: device.workspaceId,
    deviceId,
    name: null,
    code,
    commonCodeKey: null,
    startsAt: null,
    endsAt: null,
    createdAt: context.clock.now().toISOString(),
  }
}
