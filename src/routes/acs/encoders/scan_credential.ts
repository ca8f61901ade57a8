import { z } from 'zod'

import { actionAttemptSchema } from '../../../contract/action-attempt.ts'
import { id } from '../../../contract/fields.ts'
import { scanCredential } from '../../../domain/acs/encoders.ts'
import { toActionAttemptResource } from '../../../domain/resources/action-attempt.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'

export default defineRoute({
  path: '/acs/encoders/scan_credential',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Reads the card on an encoder. Answers a SCAN_CREDENTIAL action attempt as pending; its result says what is on the card and which credential it is.',
  params: z.object({ acs_encoder_id: id() }),
  unsupported: ['salto_ks_metadata'],
  actionAttemptType: 'SCAN_CREDENTIAL',
  response: z.object({ action_attempt: actionAttemptSchema }),
  async handler({ params, auth, context }) {
    return { action_attempt: toActionAttemptResource(await scanCredential(context, auth.workspaceId, params.acs_encoder_id), true) }
  },
})
