import { z } from 'zod'

import { id } from '../../../../contract/fields.ts'
import { armEncoder } from '../../../../domain/acs/encoders.ts'
import { requireSandboxWorkspace } from '../../../../domain/sandbox-only.ts'
import { defineRoute } from '../../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../../found.ts'

const PATH = '/acs/encoders/simulate/next_credential_scan_will_fail'

export default defineRoute({
  path: PATH,
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Sandbox only: the next scan on this encoder fails with this error (Seam’s codes; no_credential_on_encoder by default). Records no event: the encode or scan it arms records its own.',
  params: z.object({
    acs_encoder_id: id(),
    error_code: z.enum(['no_credential_on_encoder', 'uncategorized_error', 'action_attempt_expired']).default('no_credential_on_encoder'),
  }),
  unsupported: ['acs_credential_id_on_seam'],
  responseKey: null,
  response: z.object({}),
  async handler({ params, auth, context }) {
    await requireSandboxWorkspace(context, auth.workspaceId, PATH)
    await armEncoder(context, auth.workspaceId, params.acs_encoder_id, { scan: { result: 'error', errorCode: params.error_code } })
    return {}
  },
})
