import { z } from 'zod'

import { id } from '../../../contract/fields.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { convertToManaged } from '../../../domain/unmanaged-access-codes.ts'
import { defineRoute } from '../../../http/route.ts'
import { SCOPED_READERS } from '../../found.ts'

/**
 * External modification (the lock's own app changing a managed code) and moving a code between
 * workspaces (`force`) have no meaning for the sandbox lock, so they are refused by name.
 */
export const UNSUPPORTED_CONVERSION_OPTIONS = ['allow_external_modification', 'force', 'is_external_modification_allowed'] as const

export default defineRoute({
  path: '/access_codes/unmanaged/convert_to_managed',
  methods: ['PATCH', 'POST'],
  auth: SCOPED_READERS,
  description:
    'Converts an unmanaged access code to a managed one under the same id: it leaves access_codes/unmanaged/* and appears in access_codes/*; `access_code.unmanaged.converted_to_managed` is recorded.',
  params: z.object({ access_code_id: id(), sync: z.boolean().optional() }),
  unsupported: UNSUPPORTED_CONVERSION_OPTIONS,
  responseKey: null,
  response: z.object({}),
  async handler({ params, auth, context }) {
    await convertToManaged(context, scopeOf(auth), params.access_code_id)
    return {}
  },
})
