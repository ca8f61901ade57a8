import { randomUUID } from 'node:crypto'

import { invalidField, notFound } from '../contract/api-error.ts'
import type { AccessCodeRecord, DeviceRecord, Scope, UnmanagedAccessCodeRecord } from '../store/records.ts'
import { attemptFor, settled } from './access-codes.ts'
import type { AppContext } from './context.ts'
import { lockInScope } from './locks.ts'

const unmanagedEvent = (
  code: { accessCodeId: string; workspaceId: string; deviceId: string },
  device: DeviceRecord,
  eventType: string,
  at: string,
) => ({
  workspaceId: code.workspaceId,
  eventType,
  deviceId: code.deviceId,
  connectedAccountId: device.connectedAccountId,
  accessCodeId: code.accessCodeId,
  occurredAt: at,
})

/**
 * A code set on the lock outside the API, as someone at the keypad or in the maker's app would set
 * it: ongoing, and seen only through the unmanaged routes. `access_code.unmanaged.created` is recorded.
 */
export const createUnmanagedAccessCode = async (
  context: AppContext,
  scope: Scope,
  deviceId: string,
  fields: { name: string; code: string },
) => {
  const device = await lockInScope(context, scope, deviceId)
  const at = context.clock.now().toISOString()
  const record: UnmanagedAccessCodeRecord = {
    accessCodeId: randomUUID(),
    workspaceId: device.workspaceId,
    deviceId,
    name: fields.name,
    code: fields.code,
    startsAt: null,
    endsAt: null,
    createdAt: at,
  }
  settled(await context.store.insertUnmanagedAccessCode(record, unmanagedEvent(record, device, 'access_code.unmanaged.created', at)))
  return record
}

export const unmanagedAccessCodeInScope = async ({ store }: AppContext, scope: Scope, accessCodeId: string) => {
  const code = await store.getUnmanagedAccessCode(scope, accessCodeId)
  if (code === undefined) throw notFound('access_code')
  return code
}

/** By id, or by the lock it is on and its code; given both ways, they must name the same code. */
export const findUnmanagedAccessCode = async (
  context: AppContext,
  scope: Scope,
  params: { access_code_id?: string | undefined; device_id?: string | undefined; code?: string | undefined },
) => {
  if (params.access_code_id !== undefined) {
    const code = await unmanagedAccessCodeInScope(context, scope, params.access_code_id)
    if (
      (params.device_id !== undefined && code.deviceId !== params.device_id) ||
      (params.code !== undefined && code.code !== params.code)
    ) {
      throw notFound('access_code')
    }
    return code
  }
  if (params.device_id === undefined || params.code === undefined) {
    throw invalidField('access_code_id', 'access_code_id, or device_id and code, is required')
  }
  const filter = { deviceId: params.device_id, code: params.code }
  const [code] = (await context.store.listUnmanagedAccessCodes(scope, filter, { limit: 1, after: undefined })).items
  if (code === undefined) throw notFound('access_code')
  return code
}

/** Removes the code from its lock: a DELETE_ACCESS_CODE attempt and `access_code.unmanaged.removed`. */
export const deleteUnmanagedAccessCode = async (context: AppContext, scope: Scope, accessCodeId: string) => {
  const current = await unmanagedAccessCodeInScope(context, scope, accessCodeId)
  const device = await lockInScope(context, scope, current.deviceId)
  const at = context.clock.now().toISOString()
  const attempt = attemptFor({ ...current, commonCodeKey: null }, 'DELETE_ACCESS_CODE', at, {})
  const event = { ...unmanagedEvent(current, device, 'access_code.unmanaged.removed', at), actionAttemptId: attempt.actionAttemptId }
  if (!(await context.store.deleteUnmanagedAccessCode(current.workspaceId, accessCodeId, { attempt, event }))) throw notFound('access_code')
  return attempt
}

/**
 * Brings the code under management: it leaves the unmanaged routes and appears in access_codes/*
 * under the same id, with `access_code.unmanaged.converted_to_managed`.
 */
export const convertToManaged = async (context: AppContext, scope: Scope, accessCodeId: string): Promise<AccessCodeRecord> => {
  const current = await unmanagedAccessCodeInScope(context, scope, accessCodeId)
  const device = await lockInScope(context, scope, current.deviceId)
  const at = context.clock.now().toISOString()
  const managed: AccessCodeRecord = { ...current, commonCodeKey: null }
  settled(
    await context.store.convertUnmanagedAccessCode(
      managed,
      unmanagedEvent(current, device, 'access_code.unmanaged.converted_to_managed', at),
    ),
  )
  return managed
}
