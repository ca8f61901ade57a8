import { z } from 'zod'

import { accessCodeSchema } from '../../contract/access-code.ts'
import { id } from '../../contract/fields.ts'
import { invalidField, notFound } from '../../contract/api-error.ts'
import type { AppContext } from '../../domain/context.ts'
import { accessCodeInScope } from '../../domain/access-codes.ts'
import { toAccessCodeResource } from '../../domain/resources/access-code.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import type { Scope } from '../../store/records.ts'
import { SCOPED_READERS } from '../found.ts'

/** The code by id, or by the lock it is on and its code; either way only within the caller's scope. */
const findCode = async (
  context: AppContext,
  scope: Scope,
  params: { access_code_id?: string | undefined; device_id?: string | undefined; code?: string | undefined },
) => {
  if (params.access_code_id !== undefined) {
    const code = await accessCodeInScope(context, scope, params.access_code_id)
    // Given too, they must describe the same code.
    if (
      (params.device_id !== undefined && code.deviceId !== params.device_id) ||
      (params.code !== undefined && code.code !== params.code)
    ) {
      throw notFound('access_code')
    }
    return code
  }
  if (params.device_id === undefined || params.code === undefined) {
    throw invalidField('access_code_id', 'access_code_id, or device_id and code, is required')
  }
  const page = await context.store.listAccessCodes(scope, { deviceId: params.device_id, code: params.code }, { limit: 1, after: undefined })
  const [code] = page.items
  if (code === undefined) throw notFound('access_code')
  return code
}

export default defineRoute({
  path: '/access_codes/get',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description:
    'Returns an access code by `access_code_id`, or by `device_id` and `code`. A client session token reaches only codes on its scope’s locks.',
  params: z.object({ access_code_id: id().optional(), device_id: id().optional(), code: z.string().min(1).max(64).optional() }),
  response: z.object({ access_code: accessCodeSchema }),
  async handler({ params, auth, context }) {
    const code = await findCode(context, scopeOf(auth), params)
    return { access_code: toAccessCodeResource(code, context.clock.now()) }
  },
})
