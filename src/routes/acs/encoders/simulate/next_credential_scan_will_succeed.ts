import { z } from 'zod'

import { invalidField } from '../../../../contract/api-error.ts'
import { id } from '../../../../contract/fields.ts'
import { armEncoder } from '../../../../domain/acs/encoders.ts'
import { requireSandboxWorkspace } from '../../../../domain/sandbox-only.ts'
import { defineRoute } from '../../../../http/route.ts'
import { optional } from '../../../../store/optional.ts'
import { WORKSPACE_KEYS } from '../../../found.ts'

const PATH = '/acs/encoders/simulate/next_credential_scan_will_succeed'

/** The scenarios that read a credential of Seam's, which `acs_credential_id_on_seam` may name. */
const ON_SEAM = ['credential_exists_on_seam', 'credential_on_encoder_needs_update'] as const

export default defineRoute({
  path: PATH,
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Sandbox only: the next scan on this encoder reads a card: of a credential (the one named, else the card last encoded there), out of sync with its credential, of no credential, or an empty card. Records no event: the encode or scan it arms records its own.',
  params: z.object({
    acs_encoder_id: id(),
    scenario: z
      .enum([...ON_SEAM, 'credential_does_not_exist_on_seam', 'credential_on_encoder_is_empty'])
      .default('credential_exists_on_seam'),
    acs_credential_id_on_seam: id().optional(),
  }),
  responseKey: null,
  response: z.object({}),
  async handler({ params, auth, context }) {
    await requireSandboxWorkspace(context, auth.workspaceId, PATH)
    const { scenario } = params
    if (params.acs_credential_id_on_seam !== undefined && !(ON_SEAM as readonly string[]).includes(scenario))
      throw invalidField('acs_credential_id_on_seam', `Not with the ${scenario} scenario: that card is no credential on Seam.`)
    await armEncoder(context, auth.workspaceId, params.acs_encoder_id, {
      scan: { result: 'success', scenario, ...optional({ acsCredentialIdOnSeam: params.acs_credential_id_on_seam }) },
    })
    return {}
  },
})
