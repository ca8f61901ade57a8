import { z } from 'zod'

import { updateMultipleAccessCodes } from '../../domain/access-code-groups.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'
import { accessCodeFields } from './fields.ts'

export default defineRoute({
  path: '/access_codes/update_multiple',
  methods: ['PATCH', 'POST'],
  auth: SCOPED_READERS,
  description:
    'Changes the name or time window of every access code linked by `common_code_key` (from create_multiple), all or none; a client session token changes only those on its scope’s locks.',
  params: z.object({
    common_code_key: z.string().min(1).max(255),
    name: accessCodeFields.name,
    starts_at: accessCodeFields.starts_at,
    ends_at: accessCodeFields.ends_at,
  }),
  responseKey: null,
  response: z.object({}),
  async handler({ params, auth, context }) {
    const { common_code_key, ...fields } = params
    await updateMultipleAccessCodes(context, scopeOf(auth), common_code_key, fields)
    return {}
  },
})
