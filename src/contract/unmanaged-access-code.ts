import { z } from 'zod'

import { resourceError, resourceWarning } from './fields.ts'

/** A code the lock holds that was not set through the API (`@seamapi/types` unmanaged_access_code). */
export const unmanagedAccessCodeSchema = z.object({
  access_code_id: z.uuid(),
  workspace_id: z.uuid(),
  device_id: z.uuid(),
  name: z.string().nullable(),
  code: z.string().nullable(),
  type: z.enum(['ongoing', 'time_bound']),
  starts_at: z.iso.datetime().nullable().optional(),
  ends_at: z.iso.datetime().nullable().optional(),
  status: z.enum(['set', 'unset']),
  created_at: z.iso.datetime(),
  is_managed: z.literal(false),
  errors: z.array(resourceError()),
  warnings: z.array(resourceWarning()),
})
