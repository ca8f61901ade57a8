import type { DeviceKind } from './kind.ts'

/**
 * The sandbox's thermostat, as Seam describes an ecobee: its capability flags, its set-point
 * limits and the climate presets it ships with. Everything a Seam client reads about a thermostat
 * (Seam Components' thermostat card above all) comes from here; the state the routes change
 * (current climate setting, presets, threshold) is stored with the device and read over these defaults.
 */

// Inline, so a page showing the thermostat loads nothing from the network.
const THERMOSTAT_IMAGE =
  'data:image/svg+xml;base64,' +
  Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect x="10" y="6" width="44" height="52" rx="10" fill="#111827"/>' +
      '<circle cx="32" cy="30" r="13" fill="none" stroke="#f59e0b" stroke-width="4"/><text x="32" y="35" font-size="12" text-anchor="middle" fill="#fff" font-family="sans-serif">72</text></svg>',
  ).toString('base64')

export type HvacMode = 'off' | 'heat' | 'cool' | 'heat_cool' | 'eco'
export type FanMode = 'auto' | 'on' | 'circulate'

/** A climate preset (and the current climate setting) in Seam's shape. */
export type ClimatePresetMode = 'home' | 'away' | 'wake' | 'sleep' | 'occupied' | 'unoccupied'

export interface ClimatePreset {
  climate_preset_key: string
  name: string | null
  display_name: string
  can_edit: boolean
  can_delete: boolean
  can_use_with_thermostat_daily_programs: boolean
  manual_override_allowed: boolean
  fan_mode_setting?: FanMode
  hvac_mode_setting?: HvacMode
  heating_set_point_celsius?: number
  heating_set_point_fahrenheit?: number
  cooling_set_point_celsius?: number
  cooling_set_point_fahrenheit?: number
  climate_preset_mode?: ClimatePresetMode
  ecobee_metadata?: { climate_ref: string; is_optimized: boolean; owner: 'user' | 'system' }
}

/** Fahrenheit to Celsius, rounded to the tenth of a degree a thermostat displays. */
export const toCelsius = (f: number): number => Math.round((((f - 32) * 5) / 9) * 10) / 10
/** Celsius to Fahrenheit, rounded to the tenth of a degree. */
export const toFahrenheit = (c: number): number => Math.round(((c * 9) / 5) * 10 + 320) / 10

/** A temperature difference (not a temperature) in the other unit. */
export const deltaToCelsius = (f: number): number => Math.round(((f * 5) / 9) * 10) / 10

/** An ecobee's factory set-point ranges and minimum gap between heating and cooling, in °F. */
export const THERMOSTAT_LIMITS = {
  min_heating_set_point_fahrenheit: 45,
  max_heating_set_point_fahrenheit: 79,
  min_cooling_set_point_fahrenheit: 65,
  max_cooling_set_point_fahrenheit: 92,
  min_heating_cooling_delta_fahrenheit: 5,
} as const

const limitProperties = (): Record<string, number> => ({
  min_heating_set_point_fahrenheit: THERMOSTAT_LIMITS.min_heating_set_point_fahrenheit,
  min_heating_set_point_celsius: toCelsius(THERMOSTAT_LIMITS.min_heating_set_point_fahrenheit),
  max_heating_set_point_fahrenheit: THERMOSTAT_LIMITS.max_heating_set_point_fahrenheit,
  max_heating_set_point_celsius: toCelsius(THERMOSTAT_LIMITS.max_heating_set_point_fahrenheit),
  min_cooling_set_point_fahrenheit: THERMOSTAT_LIMITS.min_cooling_set_point_fahrenheit,
  min_cooling_set_point_celsius: toCelsius(THERMOSTAT_LIMITS.min_cooling_set_point_fahrenheit),
  max_cooling_set_point_fahrenheit: THERMOSTAT_LIMITS.max_cooling_set_point_fahrenheit,
  max_cooling_set_point_celsius: toCelsius(THERMOSTAT_LIMITS.max_cooling_set_point_fahrenheit),
  min_heating_cooling_delta_fahrenheit: THERMOSTAT_LIMITS.min_heating_cooling_delta_fahrenheit,
  min_heating_cooling_delta_celsius: deltaToCelsius(THERMOSTAT_LIMITS.min_heating_cooling_delta_fahrenheit),
})

/** One of the presets an ecobee ships with ("comfort settings"): ecobee owns them, so they cannot be deleted. */
const systemPreset = (key: string, displayName: string, heatingF: number, coolingF: number, mode: ClimatePresetMode): ClimatePreset => ({
  climate_preset_key: key,
  name: displayName,
  display_name: displayName,
  can_edit: true,
  can_delete: false,
  can_use_with_thermostat_daily_programs: true,
  manual_override_allowed: true,
  climate_preset_mode: mode,
  fan_mode_setting: 'auto',
  hvac_mode_setting: 'heat_cool',
  heating_set_point_fahrenheit: heatingF,
  heating_set_point_celsius: toCelsius(heatingF),
  cooling_set_point_fahrenheit: coolingF,
  cooling_set_point_celsius: toCelsius(coolingF),
  ecobee_metadata: { climate_ref: key, is_optimized: false, owner: 'system' },
})

/** The presets a fresh sandbox ecobee holds. Set points sit in 60–90 °F, the range Seam Components' sliders show. */
export const defaultClimatePresets = (): ClimatePreset[] => [
  systemPreset('home', 'Home', 68, 76, 'home'),
  systemPreset('away', 'Away', 62, 82, 'away'),
  systemPreset('sleep', 'Sleep', 64, 78, 'sleep'),
]

/** The climate a fresh thermostat keeps: heat and cool around 70 °F, fan on auto, no preset active. */
export const defaultClimateSetting = (): Partial<ClimatePreset> => ({
  hvac_mode_setting: 'heat_cool',
  fan_mode_setting: 'auto',
  heating_set_point_fahrenheit: 68,
  heating_set_point_celsius: toCelsius(68),
  cooling_set_point_fahrenheit: 76,
  cooling_set_point_celsius: toCelsius(76),
  manual_override_allowed: true,
})

export const SANDBOX_THERMOSTAT_MODEL = {
  deviceType: 'ecobee_thermostat',
  manufacturer: 'ecobee',
  provider: {
    device_provider_name: 'ecobee',
    display_name: 'ecobee',
    image_url: THERMOSTAT_IMAGE,
    provider_category: 'stable',
  },
  model: {
    display_name: 'Smart Thermostat Premium',
    manufacturer_display_name: 'ecobee',
  },
  imageUrl: THERMOSTAT_IMAGE,
  capabilities: ['thermostat'],
  hvacModes: ['off', 'heat', 'cool', 'heat_cool'] as const,
  fanModes: ['auto', 'on'] as const,
  /** The sandbox room's temperature, °F: between the default set points, so neither heating nor cooling runs. */
  roomTemperatureFahrenheit: 71,
} as const

/** A thermostat's ecobee id, stable for its name (Seam reports the provider's own id in ecobee_metadata). */
const ecobeeDeviceId = (name: string): string => {
  let hash = 0
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0
  return `5${String(hash).padStart(11, '0').slice(0, 11)}`
}

/** Everything a freshly signed-in sandbox thermostat reports: online, heat_cool at 68–76 °F, room at 71 °F. */
export const sandboxThermostatProperties = (name: string): Record<string, unknown> => ({
  name,
  appearance: { name },
  online: true,
  has_direct_power: true,
  manufacturer: SANDBOX_THERMOSTAT_MODEL.manufacturer,
  model: SANDBOX_THERMOSTAT_MODEL.model,
  image_url: SANDBOX_THERMOSTAT_MODEL.imageUrl,
  image_alt_text: `${SANDBOX_THERMOSTAT_MODEL.model.manufacturer_display_name} ${SANDBOX_THERMOSTAT_MODEL.model.display_name}`,
  serial_number: 'SANDBOX',
  ecobee_metadata: { ecobee_device_id: ecobeeDeviceId(name), device_name: name },
  temperature_fahrenheit: SANDBOX_THERMOSTAT_MODEL.roomTemperatureFahrenheit,
  temperature_celsius: toCelsius(SANDBOX_THERMOSTAT_MODEL.roomTemperatureFahrenheit),
  relative_humidity: 0.36,
  is_heating: false,
  is_cooling: false,
  is_fan_running: false,
  is_temporary_manual_override_active: false,
  available_hvac_mode_settings: [...SANDBOX_THERMOSTAT_MODEL.hvacModes],
  available_fan_mode_settings: [...SANDBOX_THERMOSTAT_MODEL.fanModes],
  available_climate_preset_modes: ['home', 'away', 'sleep'],
  fan_mode_setting: 'auto',
  current_climate_setting: defaultClimateSetting(),
  available_climate_presets: defaultClimatePresets(),
  fallback_climate_preset_key: null,
  active_thermostat_schedule: null,
  active_thermostat_schedule_id: null,
  thermostat_daily_programs: [],
  thermostat_weekly_program: null,
  max_thermostat_daily_program_periods_per_day: 10,
  max_unique_climate_presets_per_thermostat_weekly_program: 10,
  thermostat_daily_program_period_precision_minutes: 5,
  ...limitProperties(),
})

/** Seam's thermostat capability flags, on thermostats only (no lock flag: Components would show a lock). */
export const THERMOSTAT_FLAGS = {
  can_hvac_heat: true,
  can_hvac_cool: true,
  can_hvac_heat_cool: true,
  can_turn_off_hvac: true,
  can_run_thermostat_programs: true,
  can_program_thermostat_programs_as_different_each_day: true,
  can_program_thermostat_programs_as_same_each_day: true,
  can_program_thermostat_programs_as_weekday_weekend: true,
} as const

export const THERMOSTAT_KIND: DeviceKind = {
  deviceType: SANDBOX_THERMOSTAT_MODEL.deviceType,
  manufacturer: SANDBOX_THERMOSTAT_MODEL.manufacturer,
  provider: SANDBOX_THERMOSTAT_MODEL.provider,
  capabilities: SANDBOX_THERMOSTAT_MODEL.capabilities,
  flags: THERMOSTAT_FLAGS,
  properties: sandboxThermostatProperties,
}
