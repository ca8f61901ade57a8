import { z } from 'zod'

import { ACS_ACCESS_METHODS, acsCredentialSchema } from '../../../contract/acs-credential.ts'
import { id, idList } from '../../../contract/fields.ts'
import { createCredential } from '../../../domain/acs/credentials.ts'
import { toAcsCredentialResource } from '../../../domain/resources/acs-credential.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'

export default defineRoute({
  path: '/acs/credentials/create',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Creates a credential (a PIN code, card, mobile key or cloud key) for an acs user, or for a user identity on an access system. A card is issued when an encoder writes it (acs/encoders/encode_credential); the others are issued at once. A code credential without a code gets a generated PIN.',
  params: z.object({
    access_method: z.enum(ACS_ACCESS_METHODS),
    acs_user_id: id().optional(),
    user_identity_id: id().optional(),
    acs_system_id: id().optional(),
    allowed_acs_entrance_ids: idList().default([]),
    code: z.string().regex(/^\d+$/, 'Must be digits only.').optional(),
    starts_at: z.iso.datetime({ offset: true }).optional(),
    ends_at: z.iso.datetime({ offset: true }).optional(),
    is_multi_phone_sync_credential: z.boolean().default(false),
  }),
  unsupported: [
    'assa_abloy_vostio_metadata',
    'credential_manager_acs_system_id',
    'hotek_metadata',
    'salto_space_metadata',
    'visionline_metadata',
  ],
  response: z.object({ acs_credential: acsCredentialSchema }),
  async handler({ params, auth, context }) {
    return { acs_credential: toAcsCredentialResource(await createCredential(context, auth.workspaceId, params)) }
  },
})
