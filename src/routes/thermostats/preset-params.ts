import { z } from 'zod'

import { coolingSetPointParams, FAN_MODES, heatingSetPointParams, HVAC_MODES } from './set-point-params.ts'

/** A climate preset's settings, by Seam's names (create_climate_preset, update_climate_preset). */
export const presetParams = {
  name: z.string().min(1).max(255).optional(),
  fan_mode_setting: z.enum(FAN_MODES).optional(),
  hvac_mode_setting: z.enum(HVAC_MODES).optional(),
  manual_override_allowed: z.boolean().optional(),
  climate_preset_mode: z.enum(['home', 'away', 'wake', 'sleep', 'occupied', 'unoccupied']).optional(),
  ...heatingSetPointParams,
  ...coolingSetPointParams,
}

/** Seam lets a preset carry ecobee's own fields; the sandbox ecobee keeps its own, so they are refused. */
export const UNSUPPORTED_PRESET_PARAMS = ['ecobee_metadata'] as const
