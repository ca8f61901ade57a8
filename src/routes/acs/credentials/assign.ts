import { z } from 'zod'

import { acsCredentialSchema } from '../../../contract/acs-credential.ts'
import { id } from '../../../contract/fields.ts'
import { assignCredential } from '../../../domain/acs/credentials.ts'
import { toAcsCredentialResource } from '../../../domain/resources/acs-credential.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'

export default defineRoute({
  path: '/acs/credentials/assign',
  methods: ['PATCH', 'POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Gives an unassigned credential to an acs user of its system, or to a user identity (its acs user on the system, made when it has none); the credential then opens what the user reaches.',
  params: z.object({ acs_credential_id: id(), acs_user_id: id().optional(), user_identity_id: id().optional() }),
  responseKey: null,
  response: z.object({ acs_credential: acsCredentialSchema }),
  async handler({ params, auth, context }) {
    return { acs_credential: toAcsCredentialResource(await assignCredential(context, auth.workspaceId, params)) }
  },
})
