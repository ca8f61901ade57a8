import type { z } from 'zod'

import type { acsAccessGroupSchema } from '../../contract/acs-access-group.ts'
import type { AcsAccessGroupRecord } from '../../store/records.ts'
import { optional } from '../../store/optional.ts'

type ExternalType = z.infer<typeof acsAccessGroupSchema>['external_type']

const DISPLAY_NAMES: Partial<Record<ExternalType, string>> = {
  salto_space_group: 'Salto Space group',
  salto_ks_access_group: 'Salto KS access group',
}

export const toAcsAccessGroupResource = (g: AcsAccessGroupRecord): z.infer<typeof acsAccessGroupSchema> => {
  const externalType = g.externalType as ExternalType
  const displayName = DISPLAY_NAMES[externalType] ?? externalType
  return {
    acs_access_group_id: g.acsAccessGroupId,
    acs_system_id: g.acsSystemId,
    workspace_id: g.workspaceId,
    connected_account_id: g.connectedAccountId,
    name: g.name,
    display_name: g.name,
    external_type: externalType,
    external_type_display_name: displayName,
    access_group_type: externalType,
    access_group_type_display_name: displayName,
    is_managed: true,
    pending_mutations: [],
    errors: [],
    warnings: [],
    created_at: g.createdAt,
    ...optional({
      access_schedule: g.accessStartsAt === null ? undefined : { starts_at: g.accessStartsAt, ends_at: g.accessEndsAt },
    }),
  }
}
