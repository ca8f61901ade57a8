import { z } from 'zod'

import { notFound } from '../../../contract/api-error.ts'
import { id } from '../../../contract/fields.ts'
import { phoneSchema } from '../../../contract/phone.ts'
import { makeSandboxPhone } from '../../../domain/phones.ts'
import { toPhoneResource } from '../../../domain/resources/phone.ts'
import { requireSandboxWorkspace } from '../../../domain/sandbox-only.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { identityInScope } from '../../../domain/user-identities.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'

export default defineRoute({
  path: '/phones/simulate/create_sandbox_phone',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Makes a simulated phone for a user identity in a sandbox workspace: an Android or iOS phone (`phone_metadata.operating_system`) named after its model, with an active ASSA ABLOY endpoint as `assa_abloy_metadata` describes. Records no event: Seam’s catalogue has none for a new phone.',
  params: z.object({
    user_identity_id: id(),
    phone_metadata: z
      .object({
        operating_system: z.enum(['android', 'ios']).default('android'),
        os_version: z.string().min(1).max(64).default('10'),
        device_manufacturer: z.string().min(1).max(255).default('Samsung'),
        device_model: z.string().min(1).max(255).default('Samsung Galaxy S10'),
      })
      .default({ operating_system: 'android', os_version: '10', device_manufacturer: 'Samsung', device_model: 'Samsung Galaxy S10' }),
    assa_abloy_metadata: z
      .object({
        ble_capability: z.boolean().default(true),
        hce_capability: z.boolean().default(false),
        nfc_capability: z.boolean().default(false),
        application_version: z.string().min(1).max(64).default('1.0.0'),
        seos_applet_version: z.string().min(1).max(64).default('1.0.0'),
        seos_tsm_endpoint_id: z.number().int().min(0).default(1),
      })
      .default({
        ble_capability: true,
        hce_capability: false,
        nfc_capability: false,
        application_version: '1.0.0',
        seos_applet_version: '1.0.0',
        seos_tsm_endpoint_id: 1,
      }),
  }),
  unsupported: ['custom_sdk_installation_id'],
  response: z.object({ phone: phoneSchema }),
  async handler({ params, auth, context }) {
    await requireSandboxWorkspace(context, auth.workspaceId, '/phones/simulate/create_sandbox_phone')
    const identity = await identityInScope(context, scopeOf(auth), params.user_identity_id)
    const phone = makeSandboxPhone(identity, params.phone_metadata, params.assa_abloy_metadata, context.clock.now().toISOString())
    if ((await context.store.insertPhone(phone)) === 'identity_not_found') throw notFound('user_identity')
    return { phone: toPhoneResource(phone) }
  },
})
