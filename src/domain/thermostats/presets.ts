import { ApiError } from '../../contract/api-error.ts'
import type { ClimatePreset, ClimatePresetMode, FanMode, HvacMode } from '../../sandbox/kinds/thermostat.ts'
import type { ActionAttemptRecord, DeviceRecord, DeviceUpdate, Scope } from '../../store/records.ts'
import type { AppContext } from '../context.ts'
import { deviceEvent, succeededAttempt, updateDeviceOrNotFound } from '../device-actions.ts'
import { climateProperties, SIDES_OF_MODE } from './climate.ts'
import { givesSetPoint, resolveSetPoints, type SetPointInput } from './set-points.ts'
import { thermostatInScope, type ThermostatState, thermostatState } from './thermostat.ts'
import { optional } from '../../store/optional.ts'

/** What create_climate_preset and update_climate_preset take, by Seam's names. */
export interface PresetInput extends SetPointInput {
  name?: string | undefined
  fan_mode_setting?: FanMode | undefined
  hvac_mode_setting?: HvacMode | undefined
  manual_override_allowed?: boolean | undefined
  climate_preset_mode?: ClimatePresetMode | undefined
}

const presetNotFound = (key: string) => new ApiError(404, 'climate_preset_not_found', `The thermostat has no climate preset ${key}.`)

const findPreset = (state: ThermostatState, key: string): ClimatePreset => {
  const preset = state.available_climate_presets.find((p) => p.climate_preset_key === key)
  if (preset === undefined) throw presetNotFound(key)
  return preset
}

/**
 * A preset's settings checked as the thermostat checks a setting: its mode and fan among those it
 * has, the set points its mode uses (or those given, with no mode) within limits and delta.
 */
const settingsOf = (state: ThermostatState, input: PresetInput, base: Partial<ClimatePreset>): Partial<ClimatePreset> => {
  const mode = input.hvac_mode_setting ?? base.hvac_mode_setting
  const fan = input.fan_mode_setting ?? base.fan_mode_setting
  if (mode !== undefined && !state.available_hvac_mode_settings.includes(mode))
    throw new ApiError(400, 'hvac_mode_not_supported', `This thermostat has no HVAC mode ${mode}.`)
  if (fan !== undefined && !state.available_fan_mode_settings.includes(fan))
    throw new ApiError(400, 'fan_mode_not_supported', `This thermostat has no fan mode ${fan}.`)
  const sides =
    mode !== undefined
      ? SIDES_OF_MODE[mode]
      : (['heating', 'cooling'] as const).filter((s) => givesSetPoint(input, s) || base[`${s}_set_point_fahrenheit`] !== undefined)
  const setPoints = resolveSetPoints(state, input, sides, base)
  return {
    ...optional({ hvac_mode_setting: mode, fan_mode_setting: fan }),
    ...setPoints,
  }
}

/** The thermostat's presets (and its setting, when the preset changed is active) after a change. */
const presetsChange = (state: ThermostatState, presets: ClimatePreset[], changedKey: string): DeviceUpdate['properties'] => {
  const active = state.current_climate_setting.climate_preset_key === changedKey
  const changed = presets.find((p) => p.climate_preset_key === changedKey)
  return {
    available_climate_presets: presets,
    // The active preset changed: the thermostat follows it.
    ...(active && changed !== undefined ? climateProperties(state, { ...changed }) : {}),
  }
}

const changePresets = async (context: AppContext, scope: Scope, deviceId: string, change: (device: DeviceRecord) => DeviceUpdate) => {
  const device = await thermostatInScope(context, scope, deviceId)
  await updateDeviceOrNotFound(context, device, change)
}

/** create_climate_preset: a new preset under a key the thermostat does not have yet; Latchkey's own, so editable and deletable. */
export const createPreset = (context: AppContext, scope: Scope, deviceId: string, key: string, input: PresetInput) =>
  changePresets(context, scope, deviceId, (current) => {
    const state = thermostatState(current)
    if (state.available_climate_presets.some((p) => p.climate_preset_key === key))
      throw new ApiError(400, 'climate_preset_already_exists', `The thermostat already has a climate preset ${key}.`)
    const name = input.name ?? null
    const preset: ClimatePreset = {
      climate_preset_key: key,
      name,
      display_name: name ?? key,
      can_edit: true,
      can_delete: true,
      can_use_with_thermostat_daily_programs: true,
      manual_override_allowed: input.manual_override_allowed ?? true,
      ...optional({ climate_preset_mode: input.climate_preset_mode }),
      ...settingsOf(state, input, {}),
      ecobee_metadata: { climate_ref: key, is_optimized: false, owner: 'user' },
    }
    return { properties: { available_climate_presets: [...state.available_climate_presets, preset] }, events: [] }
  })

/** update_climate_preset: the fields given, over the preset's own; an active preset's change reaches the thermostat. */
export const updatePreset = (context: AppContext, scope: Scope, deviceId: string, key: string, input: PresetInput) =>
  changePresets(context, scope, deviceId, (current) => {
    const state = thermostatState(current)
    const preset = findPreset(state, key)
    if (!preset.can_edit) throw new ApiError(400, 'climate_preset_not_editable', `The climate preset ${key} cannot be edited.`)
    const name = input.name === undefined ? preset.name : input.name
    const updated: ClimatePreset = {
      ...preset,
      name,
      display_name: name ?? key,
      ...optional({ manual_override_allowed: input.manual_override_allowed, climate_preset_mode: input.climate_preset_mode }),
    }
    // The set points are worked out anew: a mode change drops the side it no longer uses.
    delete updated.heating_set_point_celsius
    delete updated.heating_set_point_fahrenheit
    delete updated.cooling_set_point_celsius
    delete updated.cooling_set_point_fahrenheit
    Object.assign(updated, settingsOf(state, input, preset))
    const presets = state.available_climate_presets.map((p) => (p.climate_preset_key === key ? updated : p))
    return { properties: presetsChange(state, presets, key), events: [] }
  })

/** delete_climate_preset: gone from the thermostat; no longer its fallback. The thermostat keeps its current setting. */
export const deletePreset = (context: AppContext, scope: Scope, deviceId: string, key: string) =>
  changePresets(context, scope, deviceId, (current) => {
    const state = thermostatState(current)
    const preset = findPreset(state, key)
    if (!preset.can_delete) throw new ApiError(400, 'climate_preset_not_deletable', `The climate preset ${key} cannot be deleted.`)
    return {
      properties: {
        available_climate_presets: state.available_climate_presets.filter((p) => p.climate_preset_key !== key),
        ...(state.fallback_climate_preset_key === key ? { fallback_climate_preset_key: null } : {}),
      },
      events: [],
    }
  })

/** set_fallback_climate_preset: the preset the thermostat returns to when a schedule ends. */
export const setFallbackPreset = (context: AppContext, scope: Scope, deviceId: string, key: string) =>
  changePresets(context, scope, deviceId, (current) => {
    findPreset(thermostatState(current), key)
    return { properties: { fallback_climate_preset_key: key }, events: [] }
  })

/**
 * The thermostat's change when a preset becomes its setting, and thermostat.climate_preset_activated.
 * Schedules use it too (with their id) when they start, and with the fallback when they end.
 */
export const presetActivation = (
  device: DeviceRecord,
  key: string,
  at: string,
  thermostatScheduleId: string | null = null,
): DeviceUpdate => {
  const state = thermostatState(device)
  const preset = findPreset(state, key)
  return {
    properties: climateProperties(state, { ...preset }),
    events: [
      deviceEvent(device, 'thermostat.climate_preset_activated', at, {
        details: {
          climate_preset_key: key,
          is_fallback_climate_preset: state.fallback_climate_preset_key === key,
          thermostat_schedule_id: thermostatScheduleId,
        },
      }),
    ],
  }
}

/** activate_climate_preset: ACTIVATE_CLIMATE_PRESET, succeeded at once. */
export const activatePreset = async (context: AppContext, scope: Scope, deviceId: string, key: string): Promise<ActionAttemptRecord> => {
  const device = await thermostatInScope(context, scope, deviceId)
  const at = context.clock.now().toISOString()
  const attempt = succeededAttempt(device, 'ACTIVATE_CLIMATE_PRESET', at)
  await updateDeviceOrNotFound(context, device, (current) => ({ ...presetActivation(current, key, at), attempt }))
  return attempt
}
