import { invalidField } from '../../contract/api-error.ts'
import { toCelsius, toFahrenheit } from '../../sandbox/kinds/thermostat.ts'
import type { DeviceRecord, NewEvent, ResourceWarningRecord, Scope } from '../../store/records.ts'
import type { AppContext } from '../context.ts'
import { deviceEvent, updateDeviceOrNotFound } from '../device-actions.ts'
import { runningState } from './climate.ts'
import { type TemperatureThreshold, thermostatInScope, thermostatState } from './thermostat.ts'

export interface ThresholdInput {
  lower_limit_celsius?: number | null | undefined
  lower_limit_fahrenheit?: number | null | undefined
  upper_limit_celsius?: number | null | undefined
  upper_limit_fahrenheit?: number | null | undefined
}

/** One limit in both units, from whichever was given (°F when both are). */
const limit = (f: number | null | undefined, c: number | null | undefined): [number | null, number | null] => {
  if (f !== undefined && f !== null) return [f, toCelsius(f)]
  if (c !== undefined && c !== null) return [toFahrenheit(c), c]
  return [null, null]
}

/** The threshold asked for, in both units; the lower limit below the upper. */
export const thresholdOf = (input: ThresholdInput): TemperatureThreshold => {
  const [lowerF, lowerC] = limit(input.lower_limit_fahrenheit, input.lower_limit_celsius)
  const [upperF, upperC] = limit(input.upper_limit_fahrenheit, input.upper_limit_celsius)
  if (lowerF !== null && upperF !== null && lowerF >= upperF)
    throw invalidField('upper_limit_fahrenheit', 'The upper limit must be above the lower limit')
  return { lower_limit_fahrenheit: lowerF, lower_limit_celsius: lowerC, upper_limit_fahrenheit: upperF, upper_limit_celsius: upperC }
}

/** Whether the temperature is outside the threshold's limits. */
export const exceeds = (threshold: TemperatureThreshold | null, temperatureF: number): boolean =>
  threshold !== null &&
  ((threshold.lower_limit_fahrenheit !== null && temperatureF < threshold.lower_limit_fahrenheit) ||
    (threshold.upper_limit_fahrenheit !== null && temperatureF > threshold.upper_limit_fahrenheit))

const EXCEEDED = 'temperature_threshold_exceeded'

const thresholdEvent = (device: DeviceRecord, type: string, at: string, t: TemperatureThreshold, f: number): NewEvent =>
  deviceEvent(device, type, at, { details: { temperature_fahrenheit: f, temperature_celsius: toCelsius(f), ...t } })

/**
 * The device's warning and events when the room's temperature is judged against the threshold:
 * leaving it sets Seam's `temperature_threshold_exceeded` warning and records
 * thermostat.temperature_threshold_exceeded; coming back inside (or the threshold removed) clears
 * it, recording thermostat.temperature_threshold_no_longer_exceeded. Unchanged: nothing.
 */
const judgeThreshold = (
  device: DeviceRecord,
  threshold: TemperatureThreshold | null,
  temperatureF: number,
  at: string,
): { warnings?: ResourceWarningRecord[]; events: NewEvent[] } => {
  const warned = device.warnings.find((w) => w.warning_code === EXCEEDED)
  const outside = exceeds(threshold, temperatureF)
  if (outside && warned === undefined && threshold !== null) {
    const warning = {
      warning_code: EXCEEDED,
      message: 'The temperature is outside the thermostat’s temperature threshold.',
      created_at: at,
    }
    return {
      warnings: [...device.warnings, warning],
      events: [thresholdEvent(device, 'thermostat.temperature_threshold_exceeded', at, threshold, temperatureF)],
    }
  }
  if (!outside && warned !== undefined) {
    const limits = threshold ?? {
      lower_limit_celsius: null,
      lower_limit_fahrenheit: null,
      upper_limit_celsius: null,
      upper_limit_fahrenheit: null,
    }
    return {
      warnings: device.warnings.filter((w) => w !== warned),
      events: [thresholdEvent(device, 'thermostat.temperature_threshold_no_longer_exceeded', at, limits, temperatureF)],
    }
  }
  return { events: [] }
}

/**
 * set_temperature_threshold: the limits the room should stay within (no attempt: Seam watches, the
 * device does not). The room is judged against them at once, so a room already outside warns now.
 */
export const setTemperatureThreshold = async (context: AppContext, scope: Scope, deviceId: string, input: ThresholdInput) => {
  const threshold = thresholdOf(input)
  const device = await thermostatInScope(context, scope, deviceId)
  const at = context.clock.now().toISOString()
  await updateDeviceOrNotFound(context, device, (current) => ({
    properties: { temperature_threshold: threshold },
    ...judgeThreshold(current, threshold, thermostatState(current).temperature_fahrenheit, at),
  }))
}

/**
 * simulate/temperature_reached: the room is now at this temperature. The HVAC follows (heating,
 * cooling, fan); reaching the active set point records thermostat.temperature_reached_set_point;
 * leaving the threshold records thermostat.temperature_threshold_exceeded, coming back inside it
 * thermostat.temperature_threshold_no_longer_exceeded; every change thermostat.temperature_changed.
 */
export const simulateTemperatureReached = async (
  context: AppContext,
  scope: Scope,
  deviceId: string,
  reading: { temperature_fahrenheit?: number | undefined; temperature_celsius?: number | undefined },
) => {
  const [f, c] = limit(reading.temperature_fahrenheit, reading.temperature_celsius)
  if (f === null || c === null)
    throw invalidField('temperature_fahrenheit', 'You must set either temperature_celsius or temperature_fahrenheit')
  const device = await thermostatInScope(context, scope, deviceId)
  const at = context.clock.now().toISOString()
  await updateDeviceOrNotFound(context, device, (current) => {
    const state = thermostatState(current)
    const setting = state.current_climate_setting
    const events: NewEvent[] = []
    if (f !== state.temperature_fahrenheit)
      events.push(
        deviceEvent(current, 'thermostat.temperature_changed', at, { details: { temperature_fahrenheit: f, temperature_celsius: c } }),
      )
    const desired = reachedSetPoint(setting, state.temperature_fahrenheit, f)
    if (desired !== undefined)
      events.push(
        deviceEvent(current, 'thermostat.temperature_reached_set_point', at, {
          details: {
            temperature_fahrenheit: f,
            temperature_celsius: c,
            desired_temperature_fahrenheit: desired,
            desired_temperature_celsius: toCelsius(desired),
          },
        }),
      )
    const judged = judgeThreshold(current, state.temperature_threshold, f, at)
    return {
      properties: { temperature_fahrenheit: f, temperature_celsius: c, ...runningState(f, setting, state.fan_mode_setting) },
      ...judged,
      events: [...events, ...judged.events],
    }
  })
}

/** The set point the room just reached (crossed or landed on, coming from the other side), if any. */
const reachedSetPoint = (
  setting: { hvac_mode_setting?: string; heating_set_point_fahrenheit?: number; cooling_set_point_fahrenheit?: number },
  fromF: number,
  toF: number,
): number | undefined => {
  const mode = setting.hvac_mode_setting
  const heating = setting.heating_set_point_fahrenheit
  const cooling = setting.cooling_set_point_fahrenheit
  if ((mode === 'heat' || mode === 'heat_cool') && heating !== undefined && fromF < heating && toF >= heating) return heating
  if ((mode === 'cool' || mode === 'heat_cool') && cooling !== undefined && fromF > cooling && toF <= cooling) return cooling
  return undefined
}
