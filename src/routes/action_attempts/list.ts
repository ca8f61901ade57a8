import { z } from 'zod'

import { actionAttemptSchema } from '../../contract/action-attempt.ts'
import { paginationSchema } from '../../contract/client-session.ts'
import { id, idList } from '../../contract/fields.ts'
import { toActionAttemptResource } from '../../domain/resources/action-attempt.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { WORKSPACE_KEYS } from '../found.ts'
import { pageParams, pageRequest, paginationOf } from '../page-cursor.ts'
import { optional } from '../../store/optional.ts'

export default defineRoute({
  path: '/action_attempts/list',
  methods: ['GET', 'POST'],
  // Seam's security list leaves client session tokens out; they read an attempt by id (action_attempts/get).
  auth: WORKSPACE_KEYS,
  description: 'Lists action attempts, newest first, by `action_attempt_ids` and/or `device_id`.',
  params: z.object({ action_attempt_ids: idList().optional(), device_id: id().optional(), ...pageParams }),
  response: z.object({ action_attempts: z.array(actionAttemptSchema), pagination: paginationSchema }),
  async handler({ params, auth, context, nextPageUrl }) {
    const filter = {
      ...optional({ actionAttemptIds: params.action_attempt_ids, deviceId: params.device_id }),
    }
    const page = await context.store.listActionAttempts(scopeOf(auth), filter, pageRequest(params))
    return {
      action_attempts: page.items.map((a) => toActionAttemptResource(a)),
      pagination: paginationOf(page, (a) => ({ createdAt: a.createdAt, id: a.actionAttemptId }), nextPageUrl),
    }
  },
})
