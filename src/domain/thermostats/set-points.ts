import { ApiError, invalidField } from '../../contract/api-error.ts'
import { toCelsius, toFahrenheit } from '../../sandbox/kinds/thermostat.ts'
import type { ThermostatState } from './thermostat.ts'

/** Set points as Seam's routes take them: each side in °C or °F. */
export interface SetPointInput {
  heating_set_point_celsius?: number | undefined
  heating_set_point_fahrenheit?: number | undefined
  cooling_set_point_celsius?: number | undefined
  cooling_set_point_fahrenheit?: number | undefined
}

/** Both units of each side given, as a climate setting carries them. */
export interface SetPoints {
  heating_set_point_fahrenheit?: number
  heating_set_point_celsius?: number
  cooling_set_point_fahrenheit?: number
  cooling_set_point_celsius?: number
}

type Side = 'heating' | 'cooling'

/**
 * One side in °F, from whichever unit was given. Both may come together (Seam Components send the
 * °C it computed from the °F): they must then name the same temperature, and the °F one is kept.
 */
const sideInFahrenheit = (input: SetPointInput, side: Side): number | undefined => {
  const c = input[`${side}_set_point_celsius`]
  const f = input[`${side}_set_point_fahrenheit`]
  if (c !== undefined && f !== undefined && Math.abs(toFahrenheit(c) - f) > 0.5)
    throw invalidField(
      `${side}_set_point_fahrenheit`,
      `${side}_set_point_celsius and ${side}_set_point_fahrenheit name different temperatures; give one of them`,
    )
  return f ?? (c === undefined ? undefined : toFahrenheit(c))
}

const withinLimits = (state: ThermostatState, side: Side, f: number): void => {
  const min = state[`min_${side}_set_point_fahrenheit`]
  const max = state[`max_${side}_set_point_fahrenheit`]
  if (f < min || f > max)
    throw new ApiError(
      400,
      'set_point_out_of_range',
      `The ${side} set point must be between ${min}°F/${toCelsius(min)}°C and ${max}°F/${toCelsius(max)}°C for this thermostat.`,
    )
}

/**
 * The set points a change asks for, checked against the thermostat's limits and, when both sides
 * are set, its minimum gap between heating and cooling (Seam's invalid_heating_cooling_delta).
 * `required` sides must be given or already set on the thermostat; the others are kept out.
 */
export const resolveSetPoints = (
  state: ThermostatState,
  input: SetPointInput,
  sides: readonly Side[],
  current: SetPoints = {},
): SetPoints => {
  const result: SetPoints = {}
  for (const side of sides) {
    const f = sideInFahrenheit(input, side) ?? current[`${side}_set_point_fahrenheit`]
    if (f === undefined)
      throw invalidField(`${side}_set_point_fahrenheit`, `You must set either ${side}_set_point_celsius or ${side}_set_point_fahrenheit`)
    withinLimits(state, side, f)
    result[`${side}_set_point_fahrenheit`] = f
    result[`${side}_set_point_celsius`] = toCelsius(f)
  }
  checkDelta(state, result)
  return result
}

/** Heating and cooling at least the thermostat's minimum delta apart, when both are set. */
export const checkDelta = (state: ThermostatState, setPoints: SetPoints): void => {
  const { heating_set_point_fahrenheit: heating, cooling_set_point_fahrenheit: cooling } = setPoints
  if (heating === undefined || cooling === undefined) return
  const delta = state.min_heating_cooling_delta_fahrenheit
  if (cooling - heating < delta)
    throw new ApiError(
      400,
      'invalid_heating_cooling_delta',
      `The cooling set point must be at least ${delta}°F above the heating set point for this thermostat.`,
    )
}

/** Whether set points were given at all (each side, either unit). */
export const givesSetPoint = (input: SetPointInput, side: Side): boolean =>
  input[`${side}_set_point_celsius`] !== undefined || input[`${side}_set_point_fahrenheit`] !== undefined
