import { z } from 'zod'

import { acsCredentialSchema } from '../../../contract/acs-credential.ts'
import { id } from '../../../contract/fields.ts'
import { updateCredential } from '../../../domain/acs/credentials.ts'
import { toAcsCredentialResource } from '../../../domain/resources/acs-credential.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'

export default defineRoute({
  path: '/acs/credentials/update',
  methods: ['PATCH', 'POST'],
  auth: WORKSPACE_KEYS,
  description: 'Changes a code credential’s PIN code, or when a credential stops being valid (a future time after its start).',
  params: z.object({
    acs_credential_id: id(),
    code: z.string().regex(/^\d+$/, 'Must be digits only.').optional(),
    ends_at: z.iso.datetime({ offset: true }).optional(),
  }),
  responseKey: null,
  response: z.object({ acs_credential: acsCredentialSchema }),
  async handler({ params, auth, context }) {
    return { acs_credential: toAcsCredentialResource(await updateCredential(context, auth.workspaceId, params)) }
  },
})
