import { z } from 'zod'

import { acsCredentialSchema } from '../../../contract/acs-credential.ts'
import { id } from '../../../contract/fields.ts'
import { credentialOf } from '../../../domain/acs/credentials.ts'
import { toAcsCredentialResource } from '../../../domain/resources/acs-credential.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'

export default defineRoute({
  path: '/acs/credentials/get',
  methods: ['GET', 'POST'],
  auth: WORKSPACE_KEYS,
  description: 'Answers a credential of the workspace.',
  params: z.object({ acs_credential_id: id() }),
  response: z.object({ acs_credential: acsCredentialSchema }),
  async handler({ params, auth, context }) {
    return { acs_credential: toAcsCredentialResource(await credentialOf(context, auth.workspaceId, params.acs_credential_id)) }
  },
})
