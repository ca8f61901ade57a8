import { randomUUID } from 'node:crypto'

import type { NewDevice } from '../store/records.ts'
import { SANDBOX_LOCK_MODEL, sandboxLockProperties } from './lock-model.ts'

/** A sandbox account's lock, as a sign-in creates it: online and locked. */
export const sandboxLock = (workspaceId: string, connectedAccountId: string, name: string, at: string): NewDevice => ({
  deviceId: randomUUID(),
  workspaceId,
  connectedAccountId,
  deviceType: SANDBOX_LOCK_MODEL.deviceType,
  displayName: name,
  properties: sandboxLockProperties(name),
  createdAt: at,
})

/**
 * A stored device's properties as its model reports them today. Devices stored before the model
 * carried every hardware field (only `name`, `online`, `locked`) read the rest from the model;
 * what the device stored itself (its lock state above all) wins.
 */
export const currentProperties = (device: { deviceType: string; displayName: string; properties: Record<string, unknown> }) => {
  const defaults = device.deviceType === SANDBOX_LOCK_MODEL.deviceType ? sandboxLockProperties(device.displayName) : {}
  return { ...defaults, ...device.properties, name: device.displayName, appearance: { name: device.displayName } }
}

export const isLock = (deviceType: string): boolean => deviceType.endsWith('_lock')

/** The device types whose model names this manufacturer (what a device stored without one is made by). */
export const deviceTypesMadeBy = (manufacturer: string): string[] =>
  manufacturer === SANDBOX_LOCK_MODEL.manufacturer ? [SANDBOX_LOCK_MODEL.deviceType] : []
