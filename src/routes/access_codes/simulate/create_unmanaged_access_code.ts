import { z } from 'zod'

import { id } from '../../../contract/fields.ts'
import { unmanagedAccessCodeSchema } from '../../../contract/unmanaged-access-code.ts'
import { toUnmanagedAccessCodeResource } from '../../../domain/resources/unmanaged-access-code.ts'
import { requireSandboxWorkspace } from '../../../domain/sandbox-only.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { createUnmanagedAccessCode } from '../../../domain/unmanaged-access-codes.ts'
import { defineRoute } from '../../../http/route.ts'
import { SCOPED_READERS } from '../../found.ts'

export default defineRoute({
  path: '/access_codes/simulate/create_unmanaged_access_code',
  methods: ['POST'],
  auth: SCOPED_READERS,
  description:
    'Sandbox only: simulates a code set on the lock outside the API (at the keypad, in the maker’s app). It appears only in access_codes/unmanaged/* until converted to managed; `access_code.unmanaged.created` is recorded.',
  params: z.object({
    device_id: id(),
    name: z.string().max(200),
    code: z.string().regex(/^\d+$/, 'code is digits only').min(4).max(8),
  }),
  response: z.object({ access_code: unmanagedAccessCodeSchema }),
  async handler({ params, auth, context }) {
    await requireSandboxWorkspace(context, auth.workspaceId, '/access_codes/simulate/create_unmanaged_access_code')
    const created = await createUnmanagedAccessCode(context, scopeOf(auth), params.device_id, { name: params.name, code: params.code })
    return { access_code: toUnmanagedAccessCodeResource(created, context.clock.now()) }
  },
})
