import type { z } from 'zod'

import type { phoneSchema } from '../../contract/phone.ts'
import type { PhoneRecord } from '../../store/records.ts'
import { optional } from '../../store/optional.ts'

type Phone = z.infer<typeof phoneSchema>

export const toPhoneResource = (p: PhoneRecord): Phone => ({
  device_id: p.deviceId,
  workspace_id: p.workspaceId,
  display_name: p.displayName,
  device_type: p.deviceType as Phone['device_type'],
  custom_metadata: p.customMetadata as Phone['custom_metadata'],
  properties: p.properties,
  errors: [],
  warnings: [],
  created_at: p.createdAt,
  ...optional({ nickname: p.nickname ?? undefined }),
})
