import type { z } from 'zod'

import type { unmanagedAccessCodeSchema } from '../../contract/unmanaged-access-code.ts'
import { codeStatus } from '../../sandbox/access-codes.ts'
import type { UnmanagedAccessCodeRecord } from '../../store/records.ts'

export const toUnmanagedAccessCodeResource = (c: UnmanagedAccessCodeRecord, now: Date): z.infer<typeof unmanagedAccessCodeSchema> => ({
  access_code_id: c.accessCodeId,
  workspace_id: c.workspaceId,
  device_id: c.deviceId,
  name: c.name,
  code: c.code,
  ...(c.startsAt !== null && c.endsAt !== null
    ? { type: 'time_bound' as const, starts_at: c.startsAt, ends_at: c.endsAt }
    : { type: 'ongoing' as const }),
  status: codeStatus(c, now),
  created_at: c.createdAt,
  is_managed: false,
  errors: [],
  warnings: [],
})
