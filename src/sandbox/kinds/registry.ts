import type { DeviceKind } from './kind.ts'
import { LOCK_KIND } from './lock.ts'
import { THERMOSTAT_KIND } from './thermostat.ts'

/** Every kind of device the sandbox simulates. Adding one is adding its file here. */
export const DEVICE_KINDS: readonly DeviceKind[] = [LOCK_KIND, THERMOSTAT_KIND]

/** A device type's kind; undefined for a type no sandbox model has (it then reports only what it stored). */
export const kindOf = (deviceType: string): DeviceKind | undefined => DEVICE_KINDS.find((k) => k.deviceType === deviceType)

/** Whether devices of this type have the capability, e.g. `thermostat` or `noise_detection`. */
export const hasCapability = (deviceType: string, capability: string): boolean =>
  kindOf(deviceType)?.capabilities.includes(capability) ?? false

/** The device types that have the capability: what thermostats/list answers, for example. */
export const deviceTypesWith = (capability: string): string[] =>
  DEVICE_KINDS.filter((k) => k.capabilities.includes(capability)).map((k) => k.deviceType)
