import { hasCapability } from '../sandbox/kinds/registry.ts'
import type { DeviceRecord } from '../store/records.ts'
import type { AppContext } from './context.ts'
import { applyDueSchedules } from './thermostat-schedules.ts'

/**
 * The devices as a reader should see them now: each thermostat with a schedule transition due by
 * the clock has it applied first (thermostat-schedules.ts). One indexed read finds those that owe
 * one; the others, and every device of another kind, cost nothing more.
 */
export const catchUpThermostats = async (context: AppContext, devices: DeviceRecord[]): Promise<DeviceRecord[]> => {
  const thermostats = devices.filter((d) => hasCapability(d.deviceType, 'thermostat'))
  const workspaceId = thermostats[0]?.workspaceId
  if (workspaceId === undefined) return devices
  const now = context.clock.now()
  const due = new Set(
    await context.store.findThermostatsWithDueSchedules(
      workspaceId,
      thermostats.map((d) => d.deviceId),
      now.toISOString(),
    ),
  )
  if (due.size === 0) return devices
  const caughtUp = new Map<string, DeviceRecord>()
  for (const deviceId of due) {
    const state = await context.store.updateThermostat(workspaceId, deviceId, applyDueSchedules(now))
    if (state !== undefined) caughtUp.set(deviceId, state.device)
  }
  // A device deleted meanwhile answers as it was read.
  return devices.map((d) => caughtUp.get(d.deviceId) ?? d)
}

/** One device as a reader should see it now. */
export const catchUpThermostat = async (context: AppContext, device: DeviceRecord): Promise<DeviceRecord> =>
  (await catchUpThermostats(context, [device]))[0] ?? device
