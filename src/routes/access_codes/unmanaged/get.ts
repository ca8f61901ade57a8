import { z } from 'zod'

import { id } from '../../../contract/fields.ts'
import { unmanagedAccessCodeSchema } from '../../../contract/unmanaged-access-code.ts'
import { toUnmanagedAccessCodeResource } from '../../../domain/resources/unmanaged-access-code.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { findUnmanagedAccessCode } from '../../../domain/unmanaged-access-codes.ts'
import { defineRoute } from '../../../http/route.ts'
import { SCOPED_READERS } from '../../found.ts'

export default defineRoute({
  path: '/access_codes/unmanaged/get',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description:
    'Returns an unmanaged access code by `access_code_id`, or by `device_id` and `code`. A client session token reaches only codes on its scope’s locks.',
  params: z.object({ access_code_id: id().optional(), device_id: id().optional(), code: z.string().min(1).max(64).optional() }),
  response: z.object({ access_code: unmanagedAccessCodeSchema }),
  async handler({ params, auth, context }) {
    const code = await findUnmanagedAccessCode(context, scopeOf(auth), params)
    return { access_code: toUnmanagedAccessCodeResource(code, context.clock.now()) }
  },
})
