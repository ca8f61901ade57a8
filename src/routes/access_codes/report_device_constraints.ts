import { z } from 'zod'

import { id } from '../../contract/fields.ts'
import { reportDeviceConstraints } from '../../domain/device-constraints.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'

const codeLength = () => z.number().int().min(4).max(20)

export default defineRoute({
  path: '/access_codes/report_device_constraints',
  methods: ['POST'],
  auth: SCOPED_READERS,
  description:
    'Reports the code lengths a lock takes, as `supported_code_lengths` or `min_code_length`/`max_code_length` (4 to 20); the lock then reports them in `properties.supported_code_lengths`.',
  params: z.object({
    device_id: id(),
    supported_code_lengths: z.array(codeLength()).min(1).max(17).optional(),
    min_code_length: codeLength().optional(),
    max_code_length: codeLength().optional(),
  }),
  responseKey: null,
  response: z.object({}),
  async handler({ params, auth, context }) {
    const { device_id, ...reported } = params
    await reportDeviceConstraints(context, scopeOf(auth), device_id, reported)
    return {}
  },
})
