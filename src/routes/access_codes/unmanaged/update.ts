import { z } from 'zod'

import { id } from '../../../contract/fields.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { convertToManaged, unmanagedAccessCodeInScope } from '../../../domain/unmanaged-access-codes.ts'
import { defineRoute } from '../../../http/route.ts'
import { SCOPED_READERS } from '../../found.ts'
import { UNSUPPORTED_CONVERSION_OPTIONS } from './convert_to_managed.ts'

export default defineRoute({
  path: '/access_codes/unmanaged/update',
  methods: ['PATCH', 'POST'],
  auth: SCOPED_READERS,
  description:
    'Updates an unmanaged access code: `is_managed: true` converts it to a managed code, as convert_to_managed does; `is_managed: false` leaves it unmanaged.',
  params: z.object({ access_code_id: id(), is_managed: z.boolean() }),
  unsupported: UNSUPPORTED_CONVERSION_OPTIONS,
  responseKey: null,
  response: z.object({}),
  async handler({ params, auth, context }) {
    const scope = scopeOf(auth)
    if (params.is_managed) await convertToManaged(context, scope, params.access_code_id)
    else await unmanagedAccessCodeInScope(context, scope, params.access_code_id)
    return {}
  },
})
