import { z } from 'zod'

/** A noise sensor's threshold on the wire (`@seamapi/types` noise_threshold). */
export const noiseThresholdSchema = z.object({
  noise_threshold_id: z.uuid(),
  device_id: z.uuid(),
  name: z.string(),
  starts_daily_at: z.string().describe('When the threshold starts applying each day: `HH:MM:SS[Time/Zone]`.'),
  ends_daily_at: z.string().describe('When it stops applying each day; before `starts_daily_at`, the window runs past midnight.'),
  noise_threshold_decibels: z.number(),
  noise_threshold_nrs: z.number().optional(),
})

/**
 * A time of day as a parameter: `HH:MM` or `HH:MM:SS`, with the IANA time zone it is in between
 * brackets as Seam writes it (`22:00:00[America/Los_Angeles]`); without one it is UTC.
 */
export const dailyTime = () =>
  z
    .string()
    .max(100)
    .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?(\[[A-Za-z0-9_+\-/]+\])?$/, 'a time of day, HH:MM:SS, optionally followed by [Time/Zone]')
