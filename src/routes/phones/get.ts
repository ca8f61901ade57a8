import { z } from 'zod'

import { notFound } from '../../contract/api-error.ts'
import { id } from '../../contract/fields.ts'
import { phoneSchema } from '../../contract/phone.ts'
import { toPhoneResource } from '../../domain/resources/phone.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { WORKSPACE_KEYS } from '../found.ts'

export default defineRoute({
  path: '/phones/get',
  methods: ['GET', 'POST'],
  auth: WORKSPACE_KEYS,
  description: 'Returns a user identity’s phone by its `device_id`.',
  params: z.object({ device_id: id() }),
  response: z.object({ phone: phoneSchema }),
  async handler({ params, auth, context }) {
    const phone = await context.store.getPhone(scopeOf(auth), params.device_id)
    if (phone === undefined) throw notFound('phone')
    return { phone: toPhoneResource(phone) }
  },
})
