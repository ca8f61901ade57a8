import type { z } from 'zod'

import type { acsEncoderSchema } from '../../contract/acs-encoder.ts'
import type { AcsEncoderRecord } from '../../store/records.ts'

export const toAcsEncoderResource = (e: AcsEncoderRecord): z.infer<typeof acsEncoderSchema> => ({
  acs_encoder_id: e.acsEncoderId,
  acs_system_id: e.acsSystemId,
  workspace_id: e.workspaceId,
  connected_account_id: e.connectedAccountId,
  display_name: e.displayName,
  errors: [],
  created_at: e.createdAt,
})
