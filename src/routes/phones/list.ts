import { z } from 'zod'

import { id } from '../../contract/fields.ts'
import { phoneSchema } from '../../contract/phone.ts'
import { toPhoneResource } from '../../domain/resources/phone.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { optional } from '../../store/optional.ts'
import { WORKSPACE_KEYS } from '../found.ts'

export default defineRoute({
  path: '/phones/list',
  methods: ['GET', 'POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Lists the workspace’s phones, newest first: of one owner (`owner_user_identity_id`), or those a credential lands on (`acs_credential_id`: its holder’s phones).',
  params: z.object({ owner_user_identity_id: id().optional(), acs_credential_id: id().optional() }),
  response: z.object({ phones: z.array(phoneSchema) }),
  async handler({ params, auth, context }) {
    const phones = await context.store.listPhones(
      scopeOf(auth),
      optional({ userIdentityId: params.owner_user_identity_id, acsCredentialId: params.acs_credential_id }),
    )
    return { phones: phones.map(toPhoneResource) }
  },
})
