import { randomUUID } from 'node:crypto'

import { ApiError, notFound } from '../contract/api-error.ts'
import { inDailyWindow, normalizeDailyTime } from '../sandbox/daily-window.ts'
import { minutMetadata } from '../sandbox/kinds/noise-sensor.ts'
import { hasCapability } from '../sandbox/kinds/registry.ts'
import type { ActionAttemptRecord, DeviceRecord, NoiseThresholdRecord, Scope } from '../store/records.ts'
import type { AppContext } from './context.ts'
import { deviceEvent, succeededAttempt } from './device-actions.ts'
import { toNoiseThresholdResource } from './resources/noise-threshold.ts'
import { requireSandboxWorkspace } from './sandbox-only.ts'

/** The level a threshold made without one tolerates: the level of Seam's own examples (and its fake's default). */
const DEFAULT_DECIBELS = 70
/** How far above the threshold a simulated noise goes: loud enough to be unmistakable, not a jet engine. */
const SIMULATED_EXCESS_DECIBELS = 5

/** A device of the scope that senses noise; anything else answers as Seam does for the wrong kind of device. */
export const noiseSensorInScope = async ({ store }: AppContext, scope: Scope, deviceId: string): Promise<DeviceRecord> => {
  const device = await store.getDevice(scope, deviceId)
  if (device === undefined) throw notFound('device')
  if (!hasCapability(device.deviceType, 'noise_detection'))
    throw new ApiError(400, 'device_not_noise_sensor', `Device ${deviceId} is not a noise sensor.`)
  return device
}

export interface ThresholdFields {
  name?: string | undefined
  starts_daily_at?: string | undefined
  ends_daily_at?: string | undefined
  noise_threshold_decibels?: number | undefined
  noise_threshold_nrs?: number | undefined
}

/** A threshold of the device, by id; one of another device answers as if absent. */
const thresholdOf = async (context: AppContext, device: DeviceRecord, noiseThresholdId: string): Promise<NoiseThresholdRecord> => {
  const threshold = await context.store.getNoiseThreshold(device.workspaceId, noiseThresholdId)
  if (threshold === undefined || threshold.device_id !== device.deviceId) throw notFound('noise_threshold')
  return threshold
}

/** The sensor takes the threshold at once; the attempt's result carries it, as Seam's does. */
export const createNoiseThreshold = async (
  context: AppContext,
  scope: Scope,
  deviceId: string,
  fields: ThresholdFields & { starts_daily_at: string; ends_daily_at: string },
): Promise<{ threshold: NoiseThresholdRecord; attempt: ActionAttemptRecord }> => {
  const device = await noiseSensorInScope(context, scope, deviceId)
  const at = context.clock.now().toISOString()
  const threshold: NoiseThresholdRecord = {
    noise_threshold_id: randomUUID(),
    workspace_id: device.workspaceId,
    device_id: device.deviceId,
    name: fields.name ?? '',
    starts_daily_at: normalizeDailyTime('starts_daily_at', fields.starts_daily_at),
    ends_daily_at: normalizeDailyTime('ends_daily_at', fields.ends_daily_at),
    noise_threshold_decibels: fields.noise_threshold_decibels ?? DEFAULT_DECIBELS,
    noise_threshold_nrs: fields.noise_threshold_nrs ?? null,
    created_at: at,
  }
  const attempt = {
    ...succeededAttempt(device, 'CREATE_NOISE_THRESHOLD', at),
    result: { noise_threshold: toNoiseThresholdResource(threshold) },
  }
  if (!(await context.store.insertNoiseThreshold(threshold, attempt))) throw notFound('device')
  return { threshold, attempt }
}

/** Changes the fields given and keeps the others. */
export const updateNoiseThreshold = async (
  context: AppContext,
  scope: Scope,
  deviceId: string,
  noiseThresholdId: string,
  fields: ThresholdFields,
): Promise<ActionAttemptRecord> => {
  const device = await noiseSensorInScope(context, scope, deviceId)
  const at = context.clock.now().toISOString()
  // Merged with the threshold as read under its device's lock: two updates of different fields both hold.
  const attempt = await context.store.updateNoiseThreshold(device.workspaceId, device.deviceId, noiseThresholdId, (current) => {
    const threshold: NoiseThresholdRecord = {
      ...current,
      name: fields.name ?? current.name,
      starts_daily_at:
        fields.starts_daily_at === undefined ? current.starts_daily_at : normalizeDailyTime('starts_daily_at', fields.starts_daily_at),
      ends_daily_at: fields.ends_daily_at === undefined ? current.ends_daily_at : normalizeDailyTime('ends_daily_at', fields.ends_daily_at),
      noise_threshold_decibels: fields.noise_threshold_decibels ?? current.noise_threshold_decibels,
      noise_threshold_nrs: fields.noise_threshold_nrs ?? current.noise_threshold_nrs,
    }
    return {
      threshold,
      attempt: {
        ...succeededAttempt(device, 'UPDATE_NOISE_THRESHOLD', at),
        result: { noise_threshold: toNoiseThresholdResource(threshold) },
      },
    }
  })
  if (attempt === undefined) throw notFound('noise_threshold')
  return attempt
}

export const deleteNoiseThreshold = async (
  context: AppContext,
  scope: Scope,
  deviceId: string,
  noiseThresholdId: string,
): Promise<ActionAttemptRecord> => {
  const device = await noiseSensorInScope(context, scope, deviceId)
  await thresholdOf(context, device, noiseThresholdId)
  const attempt = succeededAttempt(device, 'DELETE_NOISE_THRESHOLD', context.clock.now().toISOString())
  if (!(await context.store.deleteNoiseThreshold(device.workspaceId, device.deviceId, noiseThresholdId, attempt)))
    throw notFound('noise_threshold')
  return attempt
}

/**
 * Seam's simulation names only the device, not the threshold: the one that applies now (its
 * daily window, on its own time zone, holds the clock's time) is triggered, or the device's
 * first when none applies. The sensor hears a noise a little above it: the level, Minut's sound
 * reading and the triggering ids change together, and `noise_sensor.noise_threshold_triggered`
 * is recorded with Seam's fields.
 */
export const triggerNoiseThreshold = async (context: AppContext, workspaceId: string, deviceId: string): Promise<void> => {
  await requireSandboxWorkspace(context, workspaceId, 'noise_sensors/simulate/trigger_noise_threshold')
  const device = await noiseSensorInScope(context, { workspaceId, clientSessionId: null }, deviceId)
  const now = context.clock.now()
  const at = now.toISOString()
  // The threshold is chosen from those read under the device's lock: one deleted meanwhile cannot trigger.
  const updated = await context.store.updateNoiseSensor(workspaceId, device.deviceId, (current, thresholds) => {
    const threshold = thresholds.find((t) => inDailyWindow(t.starts_daily_at, t.ends_daily_at, now)) ?? thresholds[0]
    if (threshold === undefined)
      throw new ApiError(400, 'no_noise_thresholds', `Device ${deviceId} has no noise threshold to trigger; create one first.`)
    const decibels = threshold.noise_threshold_decibels + SIMULATED_EXCESS_DECIBELS
    const stored = current.properties.minut_metadata as { device_id?: string } | undefined
    const metadata = minutMetadata(stored?.device_id ?? '', current.displayName, decibels, at)
    const triggering = current.properties.currently_triggering_noise_threshold_ids
    const ids = Array.isArray(triggering) ? (triggering as string[]) : []
    return {
      properties: {
        noise_level_decibels: decibels,
        minut_metadata: metadata,
        currently_triggering_noise_threshold_ids: ids.includes(threshold.noise_threshold_id) ? ids : [...ids, threshold.noise_threshold_id],
      },
      events: [
        deviceEvent(current, 'noise_sensor.noise_threshold_triggered', at, {
          details: {
            noise_threshold_id: threshold.noise_threshold_id,
            noise_threshold_name: threshold.name,
            noise_level_decibels: decibels,
            minut_metadata: metadata,
          },
        }),
      ],
    }
  })
  if (updated === undefined) throw notFound('device')
}
