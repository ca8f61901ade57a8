import type { ClimatePreset, FanMode, HvacMode } from '../../sandbox/kinds/thermostat.ts'
import type { DeviceRecord, NewEvent } from '../../store/records.ts'
import { deviceEvent } from '../device-actions.ts'
import type { SetPoints } from './set-points.ts'
import type { ThermostatState } from './thermostat.ts'
import { optional } from '../../store/optional.ts'

/** A thermostat's climate setting: a mode, its set points, the fan, and the preset it came from if any. */
export type ClimateSetting = Partial<ClimatePreset>

/** The set points a mode uses: heat keeps the heating one, cool the cooling one, heat_cool both, off none. */
export const SIDES_OF_MODE: Record<HvacMode, readonly ('heating' | 'cooling')[]> = {
  heat: ['heating'],
  cool: ['cooling'],
  heat_cool: ['heating', 'cooling'],
  eco: [],
  off: [],
}

/**
 * What the thermostat does in the room under a setting: heats below the heating set point, cools
 * above the cooling one, and the fan runs when set to `on` or while either does.
 */
export const runningState = (temperatureF: number, setting: ClimateSetting, fan: FanMode) => {
  const mode = setting.hvac_mode_setting ?? 'off'
  const heatingF = setting.heating_set_point_fahrenheit
  const coolingF = setting.cooling_set_point_fahrenheit
  const isHeating = (mode === 'heat' || mode === 'heat_cool') && heatingF !== undefined && temperatureF < heatingF
  const isCooling = (mode === 'cool' || mode === 'heat_cool') && coolingF !== undefined && temperatureF > coolingF
  return { is_heating: isHeating, is_cooling: isCooling, is_fan_running: fan === 'on' || isHeating || isCooling }
}

/** A manual setting (no preset): the mode, its set points and the fan, over nothing else. */
export const manualSetting = (state: ThermostatState, mode: HvacMode, setPoints: SetPoints, fan: FanMode): ClimateSetting => ({
  hvac_mode_setting: mode,
  fan_mode_setting: fan,
  ...setPoints,
  manual_override_allowed: state.current_climate_setting.manual_override_allowed ?? true,
})

/** The properties a new climate setting changes: the setting, the fan, and what the HVAC then does. */
export const climateProperties = (state: ThermostatState, setting: ClimateSetting): Record<string, unknown> => {
  const fan = setting.fan_mode_setting ?? state.fan_mode_setting
  return {
    current_climate_setting: setting,
    fan_mode_setting: fan,
    is_temporary_manual_override_active: false,
    ...runningState(state.temperature_fahrenheit, setting, fan),
  }
}

/** thermostat.manually_adjusted: who changed it (`seam` through the API, `external` at the device) and to what. */
export const manuallyAdjusted = (device: DeviceRecord, at: string, method: 'seam' | 'external', setting: ClimateSetting): NewEvent =>
  deviceEvent(device, 'thermostat.manually_adjusted', at, {
    details: {
      method,
      ...optional({ hvac_mode_setting: setting.hvac_mode_setting, fan_mode_setting: setting.fan_mode_setting }),
      ...pick(setting, [
        'heating_set_point_celsius',
        'heating_set_point_fahrenheit',
        'cooling_set_point_celsius',
        'cooling_set_point_fahrenheit',
      ]),
    },
  })

const pick = (setting: ClimateSetting, keys: (keyof ClimateSetting)[]): Record<string, unknown> =>
  Object.fromEntries(keys.filter((k) => setting[k] !== undefined).map((k) => [k, setting[k]]))
