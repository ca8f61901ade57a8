import { z } from 'zod'

import { accessCodeSchema } from '../../contract/access-code.ts'
import { id } from '../../contract/fields.ts'
import { accessCodeInScope } from '../../domain/access-codes.ts'
import { toAccessCodeResource } from '../../domain/resources/access-code.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'

export default defineRoute({
  path: '/access_codes/get',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description: 'Returns an access code. A client session token reaches only codes on its scope’s locks.',
  params: z.object({ access_code_id: id() }),
  response: z.object({ access_code: accessCodeSchema }),
  async handler({ params, auth, context }) {
    const code = await accessCodeInScope(context, scopeOf(auth), params.access_code_id)
    return { access_code: toAccessCodeResource(code, context.clock.now()) }
  },
})
