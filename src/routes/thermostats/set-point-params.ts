import { z } from 'zod'

/** Seam's set-point parameters, each side in °C or °F. */
export const heatingSetPointParams = {
  heating_set_point_celsius: z.number().optional(),
  heating_set_point_fahrenheit: z.number().optional(),
}
export const coolingSetPointParams = {
  cooling_set_point_celsius: z.number().optional(),
  cooling_set_point_fahrenheit: z.number().optional(),
}
export const HVAC_MODES = ['off', 'heat', 'cool', 'heat_cool', 'eco'] as const
export const FAN_MODES = ['auto', 'on', 'circulate'] as const
