import { randomUUID } from 'node:crypto'

import { ApiError, notFound } from '../contract/api-error.ts'
import { isLock } from '../sandbox/devices.ts'
import type { ActionAttemptRecord, DeviceRecord, Scope } from '../store/records.ts'
import type { AppContext } from './context.ts'

/** A device of the scope that is a lock; anything else answers as Seam does. */
export const lockInScope = async ({ store }: AppContext, scope: Scope, deviceId: string): Promise<DeviceRecord> => {
  const device = await store.getDevice(scope, deviceId)
  if (device === undefined) throw notFound('device')
  if (!isLock(device.deviceType)) throw new ApiError(400, 'device_not_lock', `Device ${deviceId} is not a lock.`)
  return device
}

/**
 * Locks or unlocks a door. The sandbox lock obeys at once: the device's `locked` flips, the
 * attempt is stored as succeeded and `lock.locked` / `lock.unlocked` is recorded, all in one
 * transaction. The caller answers the attempt as pending, as Seam does (resources/action-attempt.ts).
 */
export const driveLock = async (context: AppContext, scope: Scope, deviceId: string, locked: boolean): Promise<ActionAttemptRecord> => {
  const device = await lockInScope(context, scope, deviceId)
  const at = context.clock.now().toISOString()
  const attempt: ActionAttemptRecord = {
    actionAttemptId: randomUUID(),
    workspaceId: device.workspaceId,
    deviceId,
    actionType: locked ? 'LOCK_DOOR' : 'UNLOCK_DOOR',
    status: 'success',
    result: { was_confirmed_by_device: true },
    error: null,
    createdAt: at,
  }
  const applied = await context.store.applyLockAction({
    workspaceId: device.workspaceId,
    deviceId,
    locked,
    attempt,
    event: {
      workspaceId: device.workspaceId,
      eventType: locked ? 'lock.locked' : 'lock.unlocked',
      deviceId,
      connectedAccountId: device.connectedAccountId,
      actionAttemptId: attempt.actionAttemptId,
      occurredAt: at,
      details: { method: 'remote' },
    },
  })
  // Deleted between the read and the write (its account was removed): as if never found.
  if (applied === undefined) throw notFound('device')
  return attempt
}
