import type { z } from 'zod'

import type { acsSystemSchema } from '../../contract/acs-system.ts'
import type { AcsSystemRecord } from '../../store/records.ts'

type ExternalType = NonNullable<z.infer<typeof acsSystemSchema>['external_type']>

/** How Seam names each kind of system for people, and the picture it shows (those the sandbox simulates). */
const KINDS: Partial<Record<ExternalType, { displayName: string; imageUrl: string }>> = {
  salto_space_system: { displayName: 'Salto Space', imageUrl: 'https://connect.getseam.com/assets/images/acs_systems/salto_space.png' },
  salto_ks_site: { displayName: 'Salto KS site', imageUrl: 'https://connect.getseam.com/assets/images/acs_systems/salto_ks_site.png' },
}

export const acsSystemDisplayName = (externalType: string): string => KINDS[externalType as ExternalType]?.displayName ?? externalType

/** A system on the wire; its connected account is also its deprecated one-item list. */
export const toAcsSystemResource = (s: AcsSystemRecord): z.infer<typeof acsSystemSchema> => {
  const externalType = s.externalType as ExternalType
  const displayName = acsSystemDisplayName(externalType)
  return {
    acs_system_id: s.acsSystemId,
    workspace_id: s.workspaceId,
    connected_account_id: s.connectedAccountId,
    connected_account_ids: [s.connectedAccountId],
    name: s.name,
    external_type: externalType,
    external_type_display_name: displayName,
    system_type: externalType,
    system_type_display_name: displayName,
    is_credential_manager: s.isCredentialManager,
    location: { time_zone: s.timeZone },
    image_url: KINDS[externalType]?.imageUrl ?? '',
    image_alt_text: `${displayName} logo`,
    errors: [],
    warnings: [],
    created_at: s.createdAt,
  }
}
