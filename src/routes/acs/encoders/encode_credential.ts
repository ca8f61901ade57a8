import { z } from 'zod'

import { actionAttemptSchema } from '../../../contract/action-attempt.ts'
import { id } from '../../../contract/fields.ts'
import { encodeCredential } from '../../../domain/acs/encoders.ts'
import { toActionAttemptResource } from '../../../domain/resources/action-attempt.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'

export default defineRoute({
  path: '/acs/encoders/encode_credential',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Encodes a card credential onto the card on an encoder, which issues it. Answers an ENCODE_CREDENTIAL action attempt as pending; its outcome (the issued credential, or the error an encoder simulation armed) is read with action_attempts/get.',
  params: z.object({ acs_encoder_id: id(), acs_credential_id: id().optional() }),
  unsupported: ['access_method_id'],
  actionAttemptType: 'ENCODE_CREDENTIAL',
  response: z.object({ action_attempt: actionAttemptSchema }),
  async handler({ params, auth, context }) {
    return { action_attempt: toActionAttemptResource(await encodeCredential(context, auth.workspaceId, params), true) }
  },
})
