import { ApiError } from '../../contract/api-error.ts'
import { currentProperties } from '../../sandbox/devices.ts'
import { hasCapability } from '../../sandbox/kinds/registry.ts'
import type { ClimatePreset, FanMode, HvacMode } from '../../sandbox/kinds/thermostat.ts'
import type { DeviceRecord, Scope } from '../../store/records.ts'
import type { AppContext } from '../context.ts'
// A cycle (the catch-up activates presets, which read thermostats), harmless: each side uses the other only when called.
import { catchUpThermostat } from '../thermostat-catch-up.ts'

/** What the thermostat routes read of a thermostat: its properties as it reports them now. */
export interface ThermostatState {
  current_climate_setting: Partial<ClimatePreset>
  available_climate_presets: ClimatePreset[]
  available_hvac_mode_settings: HvacMode[]
  available_fan_mode_settings: FanMode[]
  fallback_climate_preset_key: string | null
  fan_mode_setting: FanMode
  temperature_fahrenheit: number
  temperature_threshold: TemperatureThreshold | null
  min_heating_set_point_fahrenheit: number
  max_heating_set_point_fahrenheit: number
  min_cooling_set_point_fahrenheit: number
  max_cooling_set_point_fahrenheit: number
  min_heating_cooling_delta_fahrenheit: number
}

export interface TemperatureThreshold {
  lower_limit_celsius: number | null
  lower_limit_fahrenheit: number | null
  upper_limit_celsius: number | null
  upper_limit_fahrenheit: number | null
}

/** The thermostat's state as read (the stored properties over its model's defaults). */
export const thermostatState = (device: DeviceRecord): ThermostatState => {
  const properties = currentProperties(device) as unknown as ThermostatState
  // Seam leaves temperature_threshold out (it is never null on the wire) until one is set.
  return { ...properties, temperature_threshold: properties.temperature_threshold ?? null }
}

/**
 * A device of the caller's scope that is a thermostat. Another device answers as Seam's does for a
 * thermostat route: no thermostat has that id.
 */
export const thermostatInScope = async (context: AppContext, scope: Scope, deviceId: string): Promise<DeviceRecord> => {
  const device = await context.store.getDevice(scope, deviceId)
  if (device === undefined || !hasCapability(device.deviceType, 'thermostat'))
    throw new ApiError(404, 'device_not_found', `Could not find a thermostat with device_id ${deviceId}.`, {
      data: { device_id: deviceId },
    })
  // Schedule transitions that came due before this request apply first, so a change asked for
  // now is not overtaken by a schedule start that happened earlier (thermostat-schedules.ts).
  return catchUpThermostat(context, device)
}
