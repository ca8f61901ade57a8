import { z } from 'zod'

import { id } from '../../../contract/fields.ts'
import { deleteCredential } from '../../../domain/acs/credentials.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'

export default defineRoute({
  path: '/acs/credentials/delete',
  methods: ['DELETE', 'POST'],
  auth: WORKSPACE_KEYS,
  description: 'Deletes a credential: it is revoked (opens no entrance any more), with acs_credential.deleted.',
  params: z.object({ acs_credential_id: id() }),
  responseKey: null,
  response: z.object({}),
  async handler({ params, auth, context }) {
    await deleteCredential(context, auth.workspaceId, params.acs_credential_id)
    return {}
  },
})
