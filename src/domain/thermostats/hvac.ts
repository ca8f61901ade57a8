import { ApiError } from '../../contract/api-error.ts'
import type { FanMode, HvacMode } from '../../sandbox/kinds/thermostat.ts'
import type { ActionAttemptRecord, DeviceRecord, Scope } from '../../store/records.ts'
import type { AppContext } from '../context.ts'
import { succeededAttempt, updateDeviceOrNotFound } from '../device-actions.ts'
import { type ClimateSetting, climateProperties, manualSetting, manuallyAdjusted, SIDES_OF_MODE } from './climate.ts'
import { resolveSetPoints, type SetPointInput } from './set-points.ts'
import { thermostatInScope, thermostatState } from './thermostat.ts'

const requireMode = (available: readonly string[], mode: string, kind: 'HVAC' | 'fan'): void => {
  if (!available.includes(mode))
    throw new ApiError(400, `${kind === 'HVAC' ? 'hvac' : 'fan'}_mode_not_supported`, `This thermostat has no ${kind} mode ${mode}.`)
}

/**
 * The thermostat's new climate from the device as read: the mode asked for with its set points
 * (those given, else the ones it already keeps), within its limits and minimum delta.
 */
export const climateForMode = (device: DeviceRecord, mode: HvacMode, input: SetPointInput): ClimateSetting => {
  const state = thermostatState(device)
  requireMode(state.available_hvac_mode_settings, mode, 'HVAC')
  const setPoints = resolveSetPoints(state, input, SIDES_OF_MODE[mode], state.current_climate_setting)
  return manualSetting(state, mode, setPoints, state.fan_mode_setting)
}

/**
 * heat, cool, heat_cool, off and set_hvac_mode: the sandbox thermostat obeys at once. Answers the
 * SET_HVAC_MODE attempt (succeeded) and records thermostat.manually_adjusted (method `seam`).
 */
export const setHvacMode = async (
  context: AppContext,
  scope: Scope,
  deviceId: string,
  mode: HvacMode,
  input: SetPointInput,
): Promise<ActionAttemptRecord> => {
  const device = await thermostatInScope(context, scope, deviceId)
  const at = context.clock.now().toISOString()
  const attempt = succeededAttempt(device, 'SET_HVAC_MODE', at)
  await updateDeviceOrNotFound(context, device, (current) => {
    const setting = climateForMode(current, mode, input)
    return {
      properties: climateProperties(thermostatState(current), setting),
      attempt,
      events: [manuallyAdjusted(current, at, 'seam', setting)],
    }
  })
  return attempt
}

/** set_fan_mode: the fan `auto` (with heating or cooling) or `on`; SET_FAN_MODE, thermostat.manually_adjusted. */
export const setFanMode = async (context: AppContext, scope: Scope, deviceId: string, fan: FanMode): Promise<ActionAttemptRecord> => {
  const device = await thermostatInScope(context, scope, deviceId)
  const at = context.clock.now().toISOString()
  const attempt = succeededAttempt(device, 'SET_FAN_MODE', at)
  await updateDeviceOrNotFound(context, device, (current) => {
    const state = thermostatState(current)
    requireMode(state.available_fan_mode_settings, fan, 'fan')
    const setting = { ...state.current_climate_setting, fan_mode_setting: fan }
    return {
      properties: climateProperties(state, setting),
      attempt,
      events: [manuallyAdjusted(current, at, 'seam', { fan_mode_setting: fan })],
    }
  })
  return attempt
}

/**
 * simulate/hvac_mode_adjusted: someone at the thermostat changed its mode (and set points). Checked
 * as a Seam change is; recorded as thermostat.manually_adjusted with method `external`, and the
 * override flagged while a preset was active.
 */
export const simulateHvacAdjusted = async (context: AppContext, scope: Scope, deviceId: string, mode: HvacMode, input: SetPointInput) => {
  const device = await thermostatInScope(context, scope, deviceId)
  const at = context.clock.now().toISOString()
  await updateDeviceOrNotFound(context, device, (current) => {
    const state = thermostatState(current)
    const setting = climateForMode(current, mode, input)
    return {
      properties: {
        ...climateProperties(state, setting),
        is_temporary_manual_override_active: state.current_climate_setting.climate_preset_key !== undefined,
      },
      events: [manuallyAdjusted(current, at, 'external', setting)],
    }
  })
}
