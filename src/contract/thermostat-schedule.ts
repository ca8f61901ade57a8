import { z } from 'zod'

import { resourceError } from './fields.ts'

/** Seam's `max_override_period_minutes`: a positive number of minutes, or null for no limit. */
export const maxOverridePeriodMinutes = () => z.number().int().positive().nullable()

/** A climate preset scheduled on a thermostat for a time (`@seamapi/types` thermostat_schedule). */
export const thermostatScheduleSchema = z.object({
  thermostat_schedule_id: z.uuid(),
  workspace_id: z.uuid(),
  device_id: z.uuid(),
  name: z.string().nullable(),
  climate_preset_key: z.string(),
  starts_at: z.iso.datetime(),
  ends_at: z.iso.datetime(),
  is_override_allowed: z.boolean(),
  max_override_period_minutes: maxOverridePeriodMinutes(),
  created_at: z.iso.datetime(),
  errors: z.array(resourceError()),
})
