import { z } from 'zod'

import { accessCodeSchema } from '../../contract/access-code.ts'
import { id } from '../../contract/fields.ts'
import { createMultipleAccessCodes } from '../../domain/access-code-groups.ts'
import { toAccessCodeResource } from '../../domain/resources/access-code.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'
import { accessCodeFields } from './fields.ts'

export default defineRoute({
  path: '/access_codes/create_multiple',
  methods: ['POST', 'PUT'],
  auth: SCOPED_READERS,
  description:
    'Creates one access code on each lock of `device_ids`. Without `code`, they share one generated code and a `common_code_key` links them (update_multiple changes them together); with `code`, each gets it and no key links them. A lock that cannot take the shared code fails the request (`behavior_when_code_cannot_be_shared: throw`) or gets a code of its own (`create_random_code`).',
  params: z.object({
    device_ids: z.array(id()).min(1).max(100),
    ...accessCodeFields,
    preferred_code_length: z.number().int().min(4).max(20).optional(),
    behavior_when_code_cannot_be_shared: z.enum(['throw', 'create_random_code']).optional(),
  }),
  // As on access_codes/create: options for real hardware the sandbox lock does not have.
  unsupported: [
    'allow_external_modification',
    'attempt_for_offline_device',
    'is_external_modification_allowed',
    'prefer_native_scheduling',
    'use_backup_access_code_pool',
  ],
  response: z.object({ access_codes: z.array(accessCodeSchema) }),
  async handler({ params, auth, context }) {
    const created = await createMultipleAccessCodes(context, scopeOf(auth), params)
    const now = context.clock.now()
    return { access_codes: created.map((code) => toAccessCodeResource(code, now)) }
  },
})
