import { randomUUID } from 'node:crypto'

import type { NewDevice } from '../store/records.ts'
import type { DeviceKind } from './kinds/kind.ts'
import { LOCK_KIND } from './kinds/lock.ts'
import { DEVICE_KINDS, kindOf } from './kinds/registry.ts'

/** A sandbox account's device of the given kind, as a sign-in creates it: its kind's fresh properties. */
export const sandboxDevice =
  (kind: DeviceKind) =>
  (workspaceId: string, connectedAccountId: string, name: string, at: string): NewDevice => ({
    deviceId: randomUUID(),
    workspaceId,
    connectedAccountId,
    deviceType: kind.deviceType,
    displayName: name,
    properties: kind.properties(name),
    createdAt: at,
  })

/** A sandbox account's lock, as a sign-in creates it: online and locked. */
export const sandboxLock = sandboxDevice(LOCK_KIND)

/**
 * A stored device's properties as its model reports them today. Devices stored before the model
 * carried every hardware field (only `name`, `online`, `locked`) read the rest from the model;
 * what the device stored itself (its lock state above all) wins.
 */
export const currentProperties = (device: { deviceType: string; displayName: string; properties: Record<string, unknown> }) => {
  const defaults = kindOf(device.deviceType)?.properties(device.displayName) ?? {}
  return { ...defaults, ...device.properties, name: device.displayName, appearance: { name: device.displayName } }
}

export const isLock = (deviceType: string): boolean => deviceType.endsWith('_lock')

/** The device types whose model names this manufacturer (what a device stored without one is made by). */
export const deviceTypesMadeBy = (manufacturer: string): string[] =>
  DEVICE_KINDS.filter((k) => k.manufacturer === manufacturer).map((k) => k.deviceType)
