import { z } from 'zod'

import { accessCodeSchema } from '../../contract/access-code.ts'
import { actionAttemptSchema } from '../../contract/action-attempt.ts'
import { id } from '../../contract/fields.ts'
import { createAccessCode } from '../../domain/access-codes.ts'
import { toAccessCodeResource } from '../../domain/resources/access-code.ts'
import { toActionAttemptResource } from '../../domain/resources/action-attempt.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'
import { accessCodeFields, UNSUPPORTED_CODE_OPTIONS } from './fields.ts'

export default defineRoute({
  path: '/access_codes/create',
  methods: ['POST', 'PUT'],
  auth: SCOPED_READERS,
  description:
    'Creates an access code on a lock: ongoing, or time-bound with starts_at and ends_at. Without `code` a free one is generated. A code the lock already has answers 400 duplicate_access_code.',
  unsupported: UNSUPPORTED_CODE_OPTIONS,
  params: z.object({ device_id: id(), common_code_key: z.string().min(1).max(255).optional(), ...accessCodeFields }),
  responseKey: 'access_code',
  actionAttemptType: 'CREATE_ACCESS_CODE',
  response: z.object({ access_code: accessCodeSchema, action_attempt: actionAttemptSchema }),
  async handler({ params, auth, context }) {
    const { device_id, ...fields } = params
    const created = await createAccessCode(context, scopeOf(auth), device_id, fields)
    return {
      access_code: toAccessCodeResource(created.accessCode, context.clock.now()),
      action_attempt: toActionAttemptResource(created.attempt),
    }
  },
})
