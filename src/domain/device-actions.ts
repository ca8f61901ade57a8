import { randomUUID } from 'node:crypto'

import { notFound } from '../contract/api-error.ts'
import type { ActionAttemptRecord, ActionType, DeviceRecord, DeviceUpdater, NewEvent } from '../store/records.ts'
import type { AppContext } from './context.ts'

/** A succeeded attempt: sandbox hardware does what it is asked at once; Seam's result for most is `{}`. */
export const succeededAttempt = (device: DeviceRecord, actionType: ActionType, at: string): ActionAttemptRecord => ({
  actionAttemptId: randomUUID(),
  workspaceId: device.workspaceId,
  deviceId: device.deviceId,
  actionType,
  status: 'success',
  result: {},
  error: null,
  createdAt: at,
})

/** An event about the device (and so its account), with the fields given. */
export const deviceEvent = (device: DeviceRecord, eventType: string, at: string, fields: Partial<NewEvent> = {}): NewEvent => ({
  workspaceId: device.workspaceId,
  eventType,
  deviceId: device.deviceId,
  connectedAccountId: device.connectedAccountId,
  occurredAt: at,
  ...fields,
})

/**
 * Changes the device as the updater decides from its state as stored (store.updateDevice): the
 * device deleted meanwhile (its account removed) answers as if never found.
 */
export const updateDeviceOrNotFound = async (context: AppContext, device: DeviceRecord, updater: DeviceUpdater): Promise<DeviceRecord> => {
  const updated = await context.store.updateDevice(device.workspaceId, device.deviceId, updater)
  if (updated === undefined) throw notFound('device')
  return updated
}
