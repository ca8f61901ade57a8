import type { z } from 'zod'

import type { acsUserSchema } from '../../contract/acs-user.ts'
import type { AcsUserRecord, UserIdentityRecord } from '../../store/records.ts'
import { optional } from '../../store/optional.ts'

type ExternalType = NonNullable<z.infer<typeof acsUserSchema>['external_type']>

const DISPLAY_NAMES: Partial<Record<ExternalType, string>> = { salto_space_user: 'Salto Space user', salto_site_user: 'Salto site user' }

/**
 * A user on the wire. Its `display_name` is its full name (else its email, else its phone number);
 * the `user_identity_*` fields come from the identity it belongs to, when it has one.
 */
export const toAcsUserResource = (u: AcsUserRecord, identity?: UserIdentityRecord): z.infer<typeof acsUserSchema> => {
  const externalType = u.externalType as ExternalType
  return {
    acs_user_id: u.acsUserId,
    acs_system_id: u.acsSystemId,
    workspace_id: u.workspaceId,
    connected_account_id: u.connectedAccountId,
    display_name: u.fullName ?? u.emailAddress ?? u.phoneNumber ?? '',
    external_type: externalType,
    external_type_display_name: DISPLAY_NAMES[externalType] ?? externalType,
    is_suspended: u.isSuspended,
    is_managed: true,
    last_successful_sync_at: null,
    pending_mutations: [],
    errors: [],
    warnings: [],
    created_at: u.createdAt,
    ...optional({
      full_name: u.fullName ?? undefined,
      email_address: u.emailAddress ?? undefined,
      email: u.emailAddress ?? undefined,
      phone_number: u.phoneNumber ?? undefined,
      access_schedule: u.accessStartsAt === null ? undefined : { starts_at: u.accessStartsAt, ends_at: u.accessEndsAt },
      user_identity_id: u.userIdentityId ?? undefined,
      user_identity_full_name: identity === undefined ? undefined : identity.fullName,
      user_identity_email_address: identity === undefined ? undefined : identity.emailAddress,
      user_identity_phone_number: identity === undefined ? undefined : identity.phoneNumber,
    }),
  }
}
