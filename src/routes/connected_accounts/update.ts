import { z } from 'zod'

import { ApiError, notFound } from '../../contract/api-error.ts'
import { connectedAccountSchema } from '../../contract/connected-account.ts'
import { id } from '../../contract/fields.ts'
import { settingsOf } from '../../sandbox/device-conditions.ts'
import { toConnectedAccountResource } from '../../domain/resources/connected-account.ts'
import { defineRoute } from '../../http/route.ts'
import { WORKSPACE_KEYS } from '../found.ts'
import { optional, whenDefined } from '../../store/optional.ts'

/** Seam's custom metadata: up to 50 pairs, each a string (≤ 500) or a boolean; null removes the key. */
const customMetadata = () =>
  z
    .record(z.string().min(1).max(40), z.union([z.string().max(500), z.boolean(), z.null()]))
    .refine((metadata) => Object.keys(metadata).length <= 50, 'at most 50 keys')

export default defineRoute({
  path: '/connected_accounts/update',
  methods: ['PATCH', 'POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Updates a connected account’s display name, custom metadata (replaced whole), accepted capabilities, whether new devices arrive managed, and its customer (only while it has none).',
  params: z.object({
    connected_account_id: id(),
    display_name: z.string().min(1).max(255).optional(),
    custom_metadata: customMetadata().optional(),
    accepted_capabilities: z
      .array(z.enum(['lock', 'thermostat', 'noise_sensor', 'access_control', 'camera']))
      .max(5)
      .optional(),
    automatically_manage_new_devices: z.boolean().optional(),
    customer_key: z.string().min(1).max(255).optional(),
  }),
  responseKey: null,
  response: z.object({ connected_account: connectedAccountSchema }),
  async handler({ params, auth, context }) {
    const account = await context.store.changeConnectedAccount(auth.workspaceId, params.connected_account_id, (current) => {
      // Seam's rule: an account moves to a customer only while it belongs to none.
      if (params.customer_key !== undefined && current.customerKey !== null && current.customerKey !== params.customer_key)
        throw new ApiError(
          400,
          'connected_account_already_has_customer',
          `Connected account ${current.connectedAccountId} already belongs to a customer; customer_key can only be set on an account without one.`,
        )
      const settings = settingsOf(current)
      return {
        displayName: params.display_name ?? current.displayName,
        customerKey: params.customer_key ?? current.customerKey,
        settings: {
          ...settings,
          ...(params.custom_metadata === undefined
            ? {}
            : { customMetadata: Object.fromEntries(Object.entries(params.custom_metadata).filter(([, value]) => value !== null)) }),
          ...optional({ acceptedCapabilities: whenDefined(params.accepted_capabilities, (capabilities) => [...new Set(capabilities)]) }),
          ...(params.automatically_manage_new_devices === undefined
            ? {}
            : { automaticallyManageNewDevices: params.automatically_manage_new_devices }),
        },
        events: [],
      }
    })
    if (account === undefined) throw notFound('connected_account')
    return { connected_account: toConnectedAccountResource(account) }
  },
})
