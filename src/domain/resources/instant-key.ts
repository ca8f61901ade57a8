import type { z } from 'zod'

import type { instantKeySchema } from '../../contract/instant-key.ts'
import type { InstantKeyRecord } from '../../store/records.ts'
import { optional } from '../../store/optional.ts'

type InstantKey = z.infer<typeof instantKeySchema>

export const toInstantKeyResource = (k: InstantKeyRecord): InstantKey => ({
  instant_key_id: k.instantKeyId,
  workspace_id: k.workspaceId,
  user_identity_id: k.userIdentityId,
  client_session_id: k.clientSessionId,
  instant_key_url: k.instantKeyUrl,
  expires_at: k.expiresAt,
  created_at: k.createdAt,
  ...optional({
    customization: k.customization ?? undefined,
    customization_profile_id: k.customizationProfileId ?? undefined,
  }),
})
