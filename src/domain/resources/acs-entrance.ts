import type { z } from 'zod'

import type { acsEntranceSchema } from '../../contract/acs-entrance.ts'
import type { AcsEntranceRecord } from '../../store/records.ts'
import { optional } from '../../store/optional.ts'

type Entrance = z.infer<typeof acsEntranceSchema>

/** An entrance on the wire; its provider's metadata fields (stored as one JSON object) come first, Seam's own after. */
export const toAcsEntranceResource = (e: AcsEntranceRecord): Entrance => ({
  ...(e.providerMetadata as Pick<Entrance, 'salto_space_metadata' | 'salto_ks_metadata' | 'hotek_metadata'>),
  acs_entrance_id: e.acsEntranceId,
  acs_system_id: e.acsSystemId,
  connected_account_id: e.connectedAccountId,
  display_name: e.displayName,
  space_ids: [],
  can_unlock_with_card: e.canUnlockWithCard,
  can_unlock_with_code: e.canUnlockWithCode,
  can_unlock_with_mobile_key: e.canUnlockWithMobileKey,
  can_unlock_with_cloud_key: e.canUnlockWithCloudKey,
  errors: [],
  warnings: [],
  created_at: e.createdAt,
  ...optional({ is_locked: e.isLocked ?? undefined }),
})
