import { z } from 'zod'

/** An Instant Key on the wire (`@seamapi/types` instant_key). */
export const instantKeySchema = z.object({
  instant_key_id: z.uuid(),
  workspace_id: z.uuid(),
  user_identity_id: z.uuid(),
  client_session_id: z.uuid(),
  instant_key_url: z.url(),
  customization: z
    .object({ logo_url: z.url().optional(), primary_color: z.string().optional(), secondary_color: z.string().optional() })
    .optional(),
  customization_profile_id: z.uuid().optional(),
  expires_at: z.iso.datetime(),
  created_at: z.iso.datetime(),
})
