import { z } from 'zod'

import { actionAttemptSchema } from '../../../contract/action-attempt.ts'
import { id } from '../../../contract/fields.ts'
import { toActionAttemptResource } from '../../../domain/resources/action-attempt.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { deleteUnmanagedAccessCode } from '../../../domain/unmanaged-access-codes.ts'
import { defineRoute } from '../../../http/route.ts'
import { SCOPED_READERS } from '../../found.ts'

export default defineRoute({
  path: '/access_codes/unmanaged/delete',
  methods: ['DELETE', 'POST'],
  auth: SCOPED_READERS,
  description: 'Removes an unmanaged access code from its lock; `access_code.unmanaged.removed` is recorded.',
  params: z.object({ access_code_id: id(), sync: z.boolean().optional() }),
  responseKey: null,
  actionAttemptType: 'DELETE_ACCESS_CODE',
  response: z.object({ action_attempt: actionAttemptSchema }),
  async handler({ params, auth, context }) {
    const attempt = await deleteUnmanagedAccessCode(context, scopeOf(auth), params.access_code_id)
    return { action_attempt: toActionAttemptResource(attempt) }
  },
})
