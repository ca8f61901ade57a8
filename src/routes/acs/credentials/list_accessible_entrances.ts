import { z } from 'zod'

import { acsEntranceSchema } from '../../../contract/acs-entrance.ts'
import { id } from '../../../contract/fields.ts'
import { credentialOf } from '../../../domain/acs/credentials.ts'
import { toAcsEntranceResource } from '../../../domain/resources/acs-entrance.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'

export default defineRoute({
  path: '/acs/credentials/list_accessible_entrances',
  methods: ['GET', 'POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Lists the entrances a credential opens: those it names, else its acs user’s (none while the user is suspended, none once it is unassigned and names none).',
  params: z.object({ acs_credential_id: id() }),
  response: z.object({ acs_entrances: z.array(acsEntranceSchema) }),
  async handler({ params, auth, context }) {
    const credential = await credentialOf(context, auth.workspaceId, params.acs_credential_id)
    const page = await context.store.listAcsEntrances(
      scopeOf(auth),
      { acsCredentialId: credential.acsCredentialId },
      { limit: 10_000, after: undefined },
    )
    return { acs_entrances: page.items.map(toAcsEntranceResource) }
  },
})
