import { z } from 'zod'

import { ApiError, notFound } from '../../contract/api-error.ts'
import { id } from '../../contract/fields.ts'
import { defineRoute } from '../../http/route.ts'
import { optional } from '../../store/optional.ts'
import { WORKSPACE_KEYS } from '../found.ts'

export default defineRoute({
  path: '/user_identities/update',
  methods: ['POST', 'PATCH'],
  auth: WORKSPACE_KEYS,
  description:
    'Changes a user identity’s key, email address, phone number or full name; null clears one, an absent one stays. Its key stays unique in the workspace.',
  params: z.object({
    user_identity_id: id(),
    user_identity_key: z.string().min(1).max(255).nullable().optional(),
    email_address: z.email().max(320).nullable().optional(),
    phone_number: z
      .string()
      .regex(/^\+[1-9]\d{1,14}$/, 'Phone numbers are in E.164 form, e.g. +15555550110')
      .nullable()
      .optional(),
    full_name: z.string().min(1).max(255).nullable().optional(),
  }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    const changes = optional({
      userIdentityKey: params.user_identity_key,
      emailAddress: params.email_address,
      phoneNumber: params.phone_number,
      fullName: params.full_name,
    })
    const result = await context.store.updateUserIdentity(auth.workspaceId, params.user_identity_id, changes)
    if (result === 'not_found') throw notFound('user_identity')
    if (result === 'key_in_use')
      throw new ApiError(
        400,
        'user_identity_key_already_in_use',
        `A user identity with key ${params.user_identity_key ?? ''} already exists.`,
      )
    return {}
  },
})
