import { randomInt, randomUUID } from 'node:crypto'

import { ApiError, notFound } from '../contract/api-error.ts'
import { codeLengthsOf } from '../sandbox/access-codes.ts'
import type { AccessCodeGroupItem, AccessCodeRecord, DeviceRecord, Scope } from '../store/records.ts'
import { type AccessCodeFields, attemptFor, checkedCode, duplicateCode, eventFor, settled, timeWindow } from './access-codes.ts'
import type { AppContext } from './context.ts'
import { lockInScope } from './locks.ts'
import { toAccessCodeResource } from './resources/access-code.ts'

export interface CreateMultipleInput {
  device_ids: string[]
  code?: string | undefined
  name?: string | undefined
  starts_at?: string | undefined
  ends_at?: string | undefined
  preferred_code_length?: number | undefined
  behavior_when_code_cannot_be_shared?: 'throw' | 'create_random_code' | undefined
}

/**
 * The lengths to try, in order: the preferred one when every lock takes it, then the shortest every
 * lock takes (Seam: "reverts to using the shortest supported code length").
 */
const lengthsToTry = (devices: DeviceRecord[], preferred: number | undefined): number[] => {
  const [first, ...rest] = devices.map(codeLengthsOf)
  const shared = (first ?? []).filter((n) => rest.every((lengths) => lengths.includes(n))).sort((a, b) => a - b)
  return preferred !== undefined && shared.includes(preferred) ? [preferred, ...shared.filter((n) => n !== preferred)] : shared
}

/** Random digits from the CSPRNG, of the first length that has a code none of the locks holds. */
const freeCodeOf = (lengths: number[], taken: ReadonlySet<string>): string | undefined => {
  for (const length of lengths) {
    for (let attempt = 0; attempt < 50; attempt++) {
      const code = Array.from({ length }, () => randomInt(10)).join('')
      if (!taken.has(code)) return code
    }
  }
  return undefined
}

/**
 * One code per lock (Seam's create_multiple). Without `code`, one code none of the locks holds is
 * chosen and the codes are linked by a new `common_code_key`; with `code`, each gets that code
 * and, as Seam does, no key links them. A lock that cannot take the shared code fails the whole
 * request (`throw`, the default) or gets a code of its own (`create_random_code`). Every code is
 * written, or none.
 */
export const createMultipleAccessCodes = async (context: AppContext, scope: Scope, input: CreateMultipleInput) => {
  const deviceIds = [...new Set(input.device_ids)]
  const devices: DeviceRecord[] = []
  for (const deviceId of deviceIds) devices.push(await lockInScope(context, scope, deviceId))
  const now = context.clock.now()
  const at = now.toISOString()
  const window = timeWindow(input, { startsAt: null, endsAt: null }, now)
  const heldBy = new Map<string, Set<string>>()
  for (const device of devices)
    heldBy.set(device.deviceId, new Set(await context.store.listAllCodesOnDevice(device.workspaceId, device.deviceId)))
  const allHeld = new Set([...heldBy.values()].flatMap((codes) => [...codes]))

  const shared =
    input.code === undefined
      ? freeCodeOf(lengthsToTry(devices, input.preferred_code_length), allHeld)
      : checkedCode(input.code, [...new Set(devices.flatMap(codeLengthsOf))])
  const commonCodeKey = input.code === undefined && shared !== undefined ? `auto_set_by_create_multiple_${randomUUID()}` : null
  const items: AccessCodeGroupItem[] = devices.map((device) => {
    const held = heldBy.get(device.deviceId) ?? new Set<string>()
    let code = shared
    let key = commonCodeKey
    if (code === undefined || held.has(code) || !codeLengthsOf(device).includes(code.length)) {
      if (input.behavior_when_code_cannot_be_shared !== 'create_random_code') {
        throw new ApiError(
          400,
          'duplicate_access_code',
          `Device ${device.deviceId} cannot take the shared code; no access code was created.`,
        )
      }
      code = freeCodeOf(lengthsToTry([device], input.preferred_code_length), held)
      key = null
      if (code === undefined) throw duplicateCode()
    }
    const record: AccessCodeRecord = {
      accessCodeId: randomUUID(),
      workspaceId: device.workspaceId,
      deviceId: device.deviceId,
      name: input.name ?? null,
      code,
      commonCodeKey: key,
      ...window,
      createdAt: at,
    }
    const attempt = attemptFor(record, 'CREATE_ACCESS_CODE', at, { access_code: toAccessCodeResource(record, now) })
    return { code: record, write: { attempt, event: eventFor(record, device, 'access_code.created', attempt, at) } }
  })
  settled(await context.store.insertAccessCodeGroup(items))
  return items.map((item) => item.code)
}

/**
 * Changes the name and window of every code linked by `common_code_key` that the caller can reach,
 * in one transaction: an UPDATE_ACCESS_CODE attempt and `access_code.changed` per code.
 */
export const updateMultipleAccessCodes = async (
  context: AppContext,
  scope: Scope,
  commonCodeKey: string,
  fields: Pick<AccessCodeFields, 'name' | 'starts_at' | 'ends_at'>,
) => {
  const linked = await context.store.listAccessCodesByCommonKey(scope, commonCodeKey)
  if (linked.length === 0) throw notFound('access_code')
  const now = context.clock.now()
  const at = now.toISOString()
  const items: AccessCodeGroupItem[] = []
  for (const current of linked) {
    const device = await lockInScope(context, scope, current.deviceId)
    const updated: AccessCodeRecord = { ...current, name: fields.name ?? current.name, ...timeWindow(fields, current, now) }
    const attempt = attemptFor(updated, 'UPDATE_ACCESS_CODE', at, { access_code: toAccessCodeResource(updated, now) })
    items.push({ code: updated, write: { attempt, event: eventFor(updated, device, 'access_code.changed', attempt, at) } })
  }
  settled(await context.store.updateAccessCodeGroup(items))
}
