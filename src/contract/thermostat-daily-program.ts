import { z } from 'zod'

/** A time of day as Seam writes a period's start: HH:MM:SS, 24-hour. */
export const timeOfDay = () => z.string().regex(/^([01]\d|2[0-3]):([0-5]\d):([0-5]\d)$/, 'a time of day as HH:MM:SS')

/** A climate preset a daily program activates at a time of day. */
export const dailyProgramPeriodSchema = z.object({ starts_at_time: timeOfDay(), climate_preset_key: z.string() })

/** A day's set of climate presets by time (`@seamapi/types` thermostat_daily_program). */
export const thermostatDailyProgramSchema = z.object({
  thermostat_daily_program_id: z.uuid(),
  workspace_id: z.uuid(),
  device_id: z.uuid(),
  name: z.string().nullable(),
  periods: z.array(dailyProgramPeriodSchema),
  created_at: z.iso.datetime(),
})

/** The daily program each weekday runs (Seam's `properties.thermostat_weekly_program`). */
export const WEEKDAY_PROGRAM_FIELDS = [
  'monday_program_id',
  'tuesday_program_id',
  'wednesday_program_id',
  'thursday_program_id',
  'friday_program_id',
  'saturday_program_id',
  'sunday_program_id',
] as const
export type WeekdayProgramField = (typeof WEEKDAY_PROGRAM_FIELDS)[number]
