import { z } from 'zod'

import { integrationSupportLevelSchema } from '../../../../contract/devicedb.ts'

/**
 * Who may read the device database: every credential Latchkey has for a workspace, publishable
 * keys and client session tokens included, because Seam Components read it from a browser with
 * the client session token (or the publishable key) they were given. Seam's device database
 * takes a publishable key; Seam's connect document does not list these routes. The catalog
 * describes hardware, not any workspace's devices, so every caller gets the same answer.
 */
export const DEVICEDB_READERS = ['client_session_token', 'publishable_key', 'api_key', 'personal_access_token'] as const

/** Seam's support-level filters, shared by both lists. */
export const supportLevelFilters = {
  integration_support_levels: z.array(integrationSupportLevelSchema).optional(),
  /** Seam's older, single-valued form of the same filter. */
  integration_status: integrationSupportLevelSchema.optional(),
}

/** A path into a device model, such as `software_features.can_program_access_codes`. */
export const modelPath = () =>
  z.string().regex(/^[a-z][a-z_.]*[a-z]$/, 'Must be a dotted path of lower-case names, like can_remotely_unlock.')
