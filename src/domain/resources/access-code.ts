import type { z } from 'zod'

import type { accessCodeSchema } from '../../contract/access-code.ts'
import { codeStatus } from '../../sandbox/access-codes.ts'
import type { AccessCodeRecord } from '../../store/records.ts'

export const toAccessCodeResource = (c: AccessCodeRecord, now: Date): z.infer<typeof accessCodeSchema> => {
  const status = codeStatus(c, now)
  return {
    access_code_id: c.accessCodeId,
    workspace_id: c.workspaceId,
    device_id: c.deviceId,
    name: c.name,
    code: c.code,
    common_code_key: c.commonCodeKey,
    ...(c.startsAt !== null && c.endsAt !== null
      ? { type: 'time_bound' as const, starts_at: c.startsAt, ends_at: c.endsAt }
      : { type: 'ongoing' as const }),
    status,
    created_at: c.createdAt,
    is_managed: true,
    is_scheduled_on_device: status === 'set',
    is_waiting_for_code_assignment: false,
    is_backup_access_code_available: false,
    is_external_modification_allowed: false,
    is_one_time_use: false,
    is_offline_access_code: false,
    pending_mutations: [],
    errors: [],
    warnings: [],
  }
}
