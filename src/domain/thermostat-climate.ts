import { ApiError } from '../contract/api-error.ts'
import type { ClimatePreset } from '../sandbox/kinds/thermostat.ts'
import type { DeviceRecord } from '../store/records.ts'
import { thermostatState } from './thermostats/thermostat.ts'

/** The thermostat's climate preset under this key, as it reports it now. */
export const presetOf = (device: DeviceRecord, key: string): ClimatePreset | undefined =>
  thermostatState(device).available_climate_presets.find((p) => p.climate_preset_key === key)

/** Refuses a preset key the thermostat does not have, naming the parameter that gave it. */
export const requirePreset = (device: DeviceRecord, key: string, field: string): ClimatePreset => {
  const preset = presetOf(device, key)
  if (preset === undefined) {
    throw new ApiError(400, 'invalid_input', `${field}: the thermostat has no climate preset ${key}.`, {
      validation_errors: { _errors: [], [field]: { _errors: [`no climate preset ${key} on this thermostat`] } },
    })
  }
  return preset
}
