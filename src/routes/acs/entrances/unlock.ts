import { z } from 'zod'

import { actionAttemptSchema } from '../../../contract/action-attempt.ts'
import { id } from '../../../contract/fields.ts'
import { unlockEntrance } from '../../../domain/acs/unlock.ts'
import { toActionAttemptResource } from '../../../domain/resources/action-attempt.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'

export default defineRoute({
  path: '/acs/entrances/unlock',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Unlocks an entrance remotely with a cloud_key credential. Answers an UNLOCK_DOOR action attempt as pending; it succeeds when the credential opens the entrance now, and fails otherwise (not granted, user suspended, outside its validity).',
  params: z.object({ acs_entrance_id: id(), acs_credential_id: id() }),
  actionAttemptType: 'UNLOCK_DOOR',
  response: z.object({ action_attempt: actionAttemptSchema }),
  async handler({ params, auth, context }) {
    return { action_attempt: toActionAttemptResource(await unlockEntrance(context, auth.workspaceId, params), true) }
  },
})
