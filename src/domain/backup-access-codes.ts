import { randomUUID } from 'node:crypto'

import { ApiError, invalidField } from '../contract/api-error.ts'
import { codeLengthsOf, freeCode } from '../sandbox/access-codes.ts'
import { currentProperties } from '../sandbox/devices.ts'
import type { AccessCodeRecord, Scope } from '../store/records.ts'
import { accessCodeInScope, settled } from './access-codes.ts'
import type { AppContext } from './context.ts'
import { lockInScope } from './locks.ts'

/**
 * A backup code for a time-bound code (Seam: only those have one), from the pool a lock that
 * supports it keeps: a code of its own, set on the lock for the same window, so access goes on
 * if the first code fails. Pulling again answers the same backup while it exists.
 * `access_code.backup_access_code_pulled` names both codes.
 */
export const pullBackupAccessCode = async (context: AppContext, scope: Scope, accessCodeId: string): Promise<AccessCodeRecord> => {
  const original = await accessCodeInScope(context, scope, accessCodeId)
  const device = await lockInScope(context, scope, original.deviceId)
  if ((currentProperties(device) as Record<string, unknown>).supports_backup_access_code_pool !== true) {
    throw new ApiError(
      400,
      'backup_access_code_pool_not_supported',
      `Device ${device.deviceId} does not support a backup access code pool.`,
    )
  }
  if (original.startsAt === null || original.endsAt === null) {
    throw invalidField('access_code_id', 'backup access codes can be pulled only for time-bound access codes')
  }
  const pulled = await context.store.findPulledBackupAccessCode(original.workspaceId, accessCodeId)
  if (pulled !== undefined) return pulled
  const at = context.clock.now().toISOString()
  const backup: AccessCodeRecord = {
    accessCodeId: randomUUID(),
    workspaceId: original.workspaceId,
    deviceId: original.deviceId,
    name: `Backup of ${original.name ?? original.accessCodeId}`,
    code: freeCode(new Set(await context.store.listAllCodesOnDevice(device.workspaceId, device.deviceId)), codeLengthsOf(device)),
    commonCodeKey: null,
    startsAt: original.startsAt,
    endsAt: original.endsAt,
    createdAt: at,
  }
  const event = {
    workspaceId: original.workspaceId,
    eventType: 'access_code.backup_access_code_pulled',
    deviceId: original.deviceId,
    connectedAccountId: device.connectedAccountId,
    accessCodeId,
    occurredAt: at,
    details: { backup_access_code_id: backup.accessCodeId },
  }
  settled(await context.store.insertBackupAccessCode(accessCodeId, backup, event))
  return backup
}
