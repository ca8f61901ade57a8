import { z } from 'zod'

import { accessCodeSchema } from '../../contract/access-code.ts'
import { id } from '../../contract/fields.ts'
import { generateAccessCode } from '../../domain/access-codes.ts'
import { toAccessCodeResource } from '../../domain/resources/access-code.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'

export default defineRoute({
  path: '/access_codes/generate_code',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description: 'Suggests a code the lock does not hold yet, in an unsaved access code; nothing is stored.',
  params: z.object({ device_id: id() }),
  response: z.object({ generated_code: accessCodeSchema }),
  async handler({ params, auth, context }) {
    const generated = await generateAccessCode(context, scopeOf(auth), params.device_id)
    return { generated_code: toAccessCodeResource(generated, context.clock.now()) }
  },
})
