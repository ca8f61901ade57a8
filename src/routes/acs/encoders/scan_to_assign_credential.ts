import { z } from 'zod'

import { actionAttemptSchema } from '../../../contract/action-attempt.ts'
import { id } from '../../../contract/fields.ts'
import { scanToAssignCredential } from '../../../domain/acs/encoders.ts'
import { toActionAttemptResource } from '../../../domain/resources/action-attempt.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'

export default defineRoute({
  path: '/acs/encoders/scan_to_assign_credential',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Reads the card on an encoder and gives its credential to an acs user, or to a user identity (its acs user on the encoder’s system, made when it has none). Answers a SCAN_TO_ASSIGN_CREDENTIAL action attempt as pending.',
  params: z.object({ acs_encoder_id: id(), acs_user_id: id().optional(), user_identity_id: id().optional() }),
  unsupported: ['salto_ks_metadata'],
  actionAttemptType: 'SCAN_TO_ASSIGN_CREDENTIAL',
  response: z.object({ action_attempt: actionAttemptSchema }),
  async handler({ params, auth, context }) {
    return { action_attempt: toActionAttemptResource(await scanToAssignCredential(context, auth.workspaceId, params), true) }
  },
})
