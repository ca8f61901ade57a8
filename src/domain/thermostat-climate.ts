import { ApiError, notFound } from '../contract/api-error.ts'
import { currentProperties } from '../sandbox/devices.ts'
import { hasCapability } from '../sandbox/kinds/registry.ts'
import type { DeviceRecord, Scope } from '../store/records.ts'
import type { AppContext } from './context.ts'

/** A climate preset as the thermostat reports it in `available_climate_presets`. */
export type ClimatePreset = Record<string, unknown> & { climate_preset_key: string }

/** A device of the scope that is a thermostat; anything else answers as a device that cannot do this. */
export const thermostatInScope = async ({ store }: AppContext, scope: Scope, deviceId: string): Promise<DeviceRecord> => {
  const device = await store.getDevice(scope, deviceId)
  if (device === undefined) throw notFound('device')
  if (!hasCapability(device.deviceType, 'thermostat'))
    throw new ApiError(400, 'device_not_thermostat', `Device ${deviceId} is not a thermostat.`)
  return device
}

/** The thermostat's climate presets, as it reports them now. */
export const presetsOf = (device: DeviceRecord): ClimatePreset[] => {
  const presets = (currentProperties(device) as Record<string, unknown>).available_climate_presets
  return Array.isArray(presets) ? (presets as ClimatePreset[]) : []
}

export const presetOf = (device: DeviceRecord, key: string): ClimatePreset | undefined =>
  presetsOf(device).find((p) => p.climate_preset_key === key)

/** Refuses a preset key the thermostat does not have, naming the field that gave it. */
export const requirePreset = (device: DeviceRecord, key: string, field: string): ClimatePreset => {
  const preset = presetOf(device, key)
  if (preset === undefined) {
    throw new ApiError(400, 'invalid_input', `${field}: the thermostat has no climate preset ${key}.`, {
      validation_errors: { _errors: [], [field]: { _errors: [`no climate preset ${key} on this thermostat`] } },
    })
  }
  return preset
}

/** What the thermostat reports in `current_climate_setting` once the preset is active. */
export const climateSettingOf = (preset: ClimatePreset): Record<string, unknown> => ({ ...preset })
