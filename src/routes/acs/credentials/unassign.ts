import { z } from 'zod'

import { acsCredentialSchema } from '../../../contract/acs-credential.ts'
import { id } from '../../../contract/fields.ts'
import { unassignCredential } from '../../../domain/acs/credentials.ts'
import { toAcsCredentialResource } from '../../../domain/resources/acs-credential.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'

export default defineRoute({
  path: '/acs/credentials/unassign',
  methods: ['PATCH', 'POST'],
  auth: WORKSPACE_KEYS,
  description: 'Takes a credential from the acs user (or user identity) it belongs to; it then opens only the entrances it names itself.',
  params: z.object({ acs_credential_id: id(), acs_user_id: id().optional(), user_identity_id: id().optional() }),
  responseKey: null,
  response: z.object({ acs_credential: acsCredentialSchema }),
  async handler({ params, auth, context }) {
    return { acs_credential: toAcsCredentialResource(await unassignCredential(context, auth.workspaceId, params)) }
  },
})
