import { z } from 'zod'

import { id } from '../../../../contract/fields.ts'
import { armEncoder } from '../../../../domain/acs/encoders.ts'
import { requireSandboxWorkspace } from '../../../../domain/sandbox-only.ts'
import { defineRoute } from '../../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../../found.ts'

const PATH = '/acs/encoders/simulate/next_credential_encode_will_succeed'

export default defineRoute({
  path: PATH,
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Sandbox only: the next encode on this encoder issues its credential (replacing a failure armed before). Records no event: the encode or scan it arms records its own.',
  params: z.object({ acs_encoder_id: id(), scenario: z.enum(['credential_is_issued']).default('credential_is_issued') }),
  responseKey: null,
  response: z.object({}),
  async handler({ params, auth, context }) {
    await requireSandboxWorkspace(context, auth.workspaceId, PATH)
    await armEncoder(context, auth.workspaceId, params.acs_encoder_id, { encode: { result: 'success' } })
    return {}
  },
})
