import { z } from 'zod'

import { resourceError, resourceWarning } from './fields.ts'

/** An access code on a lock (`@seamapi/types` access_code). */
export const accessCodeSchema = z.object({
  access_code_id: z.uuid(),
  workspace_id: z.uuid(),
  device_id: z.uuid(),
  name: z.string().nullable(),
  code: z.string().nullable(),
  common_code_key: z.string().nullable(),
  type: z.enum(['ongoing', 'time_bound']),
  starts_at: z.iso.datetime().optional(),
  ends_at: z.iso.datetime().optional(),
  status: z.enum(['setting', 'set', 'unset', 'removing', 'unknown']),
  created_at: z.iso.datetime(),
  is_managed: z.literal(true),
  is_scheduled_on_device: z.boolean(),
  is_waiting_for_code_assignment: z.boolean(),
  is_backup_access_code_available: z.boolean(),
  is_external_modification_allowed: z.boolean(),
  is_one_time_use: z.boolean(),
  is_offline_access_code: z.boolean(),
  pending_mutations: z.array(z.object({ mutation_code: z.string(), message: z.string(), created_at: z.iso.datetime() })),
  errors: z.array(resourceError()),
  warnings: z.array(resourceWarning()),
})
