import type { z } from 'zod'

import type { acsCredentialSchema } from '../../contract/acs-credential.ts'
import type { AcsCredentialRecord } from '../../store/records.ts'
import { optional } from '../../store/optional.ts'

type Credential = z.infer<typeof acsCredentialSchema>
type ExternalType = NonNullable<Credential['external_type']>

const DISPLAY_NAMES: Partial<Record<ExternalType, string>> = {
  salto_space_key: 'Salto Space key',
  salto_ks_credential: 'Salto KS credential',
}

/** A credential on the wire; `code` and `card_number` are null for the access methods without one. */
export const toAcsCredentialResource = (c: AcsCredentialRecord): Credential => ({
  acs_credential_id: c.acsCredentialId,
  acs_system_id: c.acsSystemId,
  workspace_id: c.workspaceId,
  connected_account_id: c.connectedAccountId,
  display_name: c.displayName,
  access_method: c.accessMethod,
  code: c.code,
  card_number: c.cardNumber,
  is_issued: c.isIssued,
  issued_at: c.issuedAt,
  is_multi_phone_sync_credential: c.isMultiPhoneSyncCredential,
  is_one_time_use: c.isOneTimeUse,
  is_latest_desired_state_synced_with_provider: true,
  latest_desired_state_synced_with_provider_at: c.createdAt,
  is_managed: true,
  errors: [],
  warnings: [],
  created_at: c.createdAt,
  ...optional({
    acs_user_id: c.acsUserId ?? undefined,
    user_identity_id: c.userIdentityId ?? undefined,
    external_type: (c.externalType ?? undefined) as ExternalType | undefined,
    external_type_display_name: c.externalType === null ? undefined : (DISPLAY_NAMES[c.externalType as ExternalType] ?? c.externalType),
    starts_at: c.startsAt ?? undefined,
    ends_at: c.endsAt ?? undefined,
    parent_acs_credential_id: c.parentAcsCredentialId ?? undefined,
  }),
})
