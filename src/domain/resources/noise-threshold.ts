import type { z } from 'zod'

import type { noiseThresholdSchema } from '../../contract/noise-threshold.ts'
import type { NoiseThresholdRecord } from '../../store/records.ts'

/** A threshold on the wire: Seam's fields, `noise_threshold_nrs` only when it has one. */
export const toNoiseThresholdResource = (t: NoiseThresholdRecord): z.infer<typeof noiseThresholdSchema> => ({
  noise_threshold_id: t.noise_threshold_id,
  device_id: t.device_id,
  name: t.name,
  starts_daily_at: t.starts_daily_at,
  ends_daily_at: t.ends_daily_at,
  noise_threshold_decibels: t.noise_threshold_decibels,
  ...(t.noise_threshold_nrs === null ? {} : { noise_threshold_nrs: t.noise_threshold_nrs }),
})
