import { z } from 'zod'

/** The fields create and update share, as Seam names them. */
export const accessCodeFields = {
  name: z.string().max(200).optional(),
  code: z.string().regex(/^\d+$/, 'code is digits only').min(4).max(12).optional(),
  starts_at: z.iso.datetime({ offset: true }).optional(),
  ends_at: z.iso.datetime({ offset: true }).optional(),
}

/**
 * Seam's options for codes on real hardware (offline and one-time codes, backup pools, native
 * scheduling, external modification): the sandbox lock has none of them, so they are refused.
 */
export const UNSUPPORTED_CODE_OPTIONS = [
  'allow_external_modification',
  'attempt_for_offline_device',
  'is_external_modification_allowed',
  'is_offline_access_code',
  'is_one_time_use',
  'max_time_rounding',
  'prefer_native_scheduling',
  'preferred_code_length',
  'sync',
  'use_backup_access_code_pool',
  'use_offline_access_code',
] as const
