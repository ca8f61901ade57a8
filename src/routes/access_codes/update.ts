import { z } from 'zod'

import { actionAttemptSchema } from '../../contract/action-attempt.ts'
import { id } from '../../contract/fields.ts'
import { updateAccessCode } from '../../domain/access-codes.ts'
import { toActionAttemptResource } from '../../domain/resources/action-attempt.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'
import { accessCodeFields, UNSUPPORTED_CODE_OPTIONS } from './fields.ts'

export default defineRoute({
  path: '/access_codes/update',
  methods: ['PATCH', 'POST', 'PUT'],
  auth: SCOPED_READERS,
  description: 'Changes an access code’s name, code or time window; `type: ongoing` removes the window.',
  unsupported: [...UNSUPPORTED_CODE_OPTIONS, 'is_managed'],
  params: z.object({
    access_code_id: id(),
    device_id: id().optional(),
    type: z.enum(['ongoing', 'time_bound']).optional(),
    ...accessCodeFields,
  }),
  responseKey: null,
  actionAttemptType: 'UPDATE_ACCESS_CODE',
  response: z.object({ action_attempt: actionAttemptSchema }),
  async handler({ params, auth, context }) {
    // device_id is accepted as Seam does, but the code already names its lock.
    const { name, code, starts_at, ends_at, type } = params
    const attempt = await updateAccessCode(context, scopeOf(auth), params.access_code_id, { name, code, starts_at, ends_at, type })
    return { action_attempt: toActionAttemptResource(attempt) }
  },
})
