import { randomUUID } from 'node:crypto'

import { z } from 'zod'

import { ApiError } from '../../contract/api-error.ts'
import { userIdentitySchema } from '../../contract/user-identity.ts'
import { toUserIdentityResource } from '../../domain/resources/user-identity.ts'
import { defineRoute } from '../../http/route.ts'
import type { NewUserIdentity } from '../../store/records.ts'
import { WORKSPACE_KEYS } from '../found.ts'

export default defineRoute({
  path: '/user_identities/create',
  methods: ['POST', 'PUT'],
  auth: WORKSPACE_KEYS,
  description: 'Creates a user identity. Its user_identity_key, when given, is unique in the workspace.',
  unsupported: ['acs_system_ids'],
  params: z.object({
    user_identity_key: z.string().min(1).max(255).optional(),
    email_address: z.email().max(320).optional(),
    phone_number: z
      .string()
      .regex(/^\+[1-9]\d{1,14}$/, 'Phone numbers are in E.164 form, e.g. +15555550110')
      .optional(),
    full_name: z.string().min(1).max(255).optional(),
  }),
  response: z.object({ user_identity: userIdentitySchema }),
  async handler({ params, auth, context }) {
    const identity: NewUserIdentity = {
      userIdentityId: randomUUID(),
      workspaceId: auth.workspaceId,
      userIdentityKey: params.user_identity_key ?? null,
      emailAddress: params.email_address ?? null,
      phoneNumber: params.phone_number ?? null,
      fullName: params.full_name ?? null,
      createdAt: context.clock.now().toISOString(),
    }
    if (!(await context.store.createUserIdentity(identity))) {
      throw new ApiError(400, 'user_identity_key_already_in_use', `A user identity with key ${identity.userIdentityKey} already exists.`)
    }
    return { user_identity: toUserIdentityResource(identity) }
  },
})
