import { z } from 'zod'

import { dailyTime } from '../../../contract/noise-threshold.ts'

/** A threshold's own fields, as create and update take them. */
export const thresholdFieldParams = {
  name: z.string().max(255).optional(),
  noise_threshold_decibels: z.number().min(0).max(200).optional(),
  noise_threshold_nrs: z.number().min(-1).max(100).optional(),
  /** Seam's internal switch: true answers the attempt as it ended instead of pending. */
  sync: z.boolean().optional(),
}

export const dailyWindowParams = { starts_daily_at: dailyTime(), ends_daily_at: dailyTime() }
